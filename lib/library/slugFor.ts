/// The URL slug of a regulation: its title, which is unique in a city's library and readable in
/// the address bar (browsers show it decoded). Characters unsafe in a path segment are dropped.
export function slugFor(title: string): string {
  return title.replace(/[\s/\\?#%《》〈〉"'<>]+/g, '').slice(0, 80);
}
