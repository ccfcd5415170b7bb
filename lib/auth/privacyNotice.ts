/// The edition of the privacy notice (/privacy) that registration asks people to agree to; it is
/// stored with each consent, so that a later edition can tell who agreed to which.
export const privacyNoticeEdition = '2026-12-05';
