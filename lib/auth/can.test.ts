import { describe, expect, it } from 'vitest';
import { actions, can, type Action, type Resource } from './can';
import { isWorkspaceRole, roles, type CurrentUser, type Role } from './roles';
import { type MemberRole } from '@/lib/shared/vocabulary';

const who: (Role | 'anonymous')[] = ['anonymous', ...roles];
const userOf = (r: Role | 'anonymous'): CurrentUser | null =>
  r === 'anonymous' ? null : { id: `u-${r}`, email: `${r}@x`, name: r, role: r };

// Columns follow `who`: anonymous admin drafter reviewer volunteer public.
// Bill actions are checked as the bill's coordinator, an editor, its reviewer, and an outsider.
const expected: Record<Action, { any?: string; coordinator?: string; editor?: string; reviewer?: string; outsider?: string }> = {
  'workspace:view': { any: 'NYYYNN' },
  'users:manage': { any: 'NYNNNN' },
  'audit:view': { any: 'NYNNNN' },
  'bill:create': { any: 'NYYNNN' },
  'bill:view': { editor: 'NYYYNN', reviewer: 'NYYYNN', outsider: 'NYNNNN' },
  'bill:audit': { coordinator: 'NYYYNN', editor: 'NYYYNN', reviewer: 'NYYYNN', outsider: 'NYNNNN' },
  'bill:manage': { coordinator: 'NYYNNN', editor: 'NYYNNN', reviewer: 'NNNNNN', outsider: 'NNNNNN' },
  'bill:transition': { coordinator: 'NYYNNN', editor: 'NYNNNN', reviewer: 'NYNNNN', outsider: 'NYNNNN' },
  'bill:signoff': { coordinator: 'NNNNNN', editor: 'NNNNNN', reviewer: 'NYNYNN', outsider: 'NYNYNN' },
  'draft:edit': { coordinator: 'NYYNNN', editor: 'NYYNNN', reviewer: 'NNNNNN', outsider: 'NNNNNN' },
  'draft:comment': { editor: 'NYYYNN', reviewer: 'NYYYNN', outsider: 'NNNNNN' },
  'version:create': { coordinator: 'NYYNNN', editor: 'NYYNNN', reviewer: 'NNNNNN', outsider: 'NNNNNN' },
  'consultation:open': { editor: 'NYYNNN', reviewer: 'NNNNNN', outsider: 'NNNNNN' },
  'consultation:moderate': { any: 'NYYYNN' },
  'comment:submit': { any: 'NYYYYY' },
  'library:read': { any: 'YYYYYY' },
  'library:import': { any: 'NYYNNN' },
  'library:repeal': { any: 'NYNNNN' },
  'explainer:write': { any: 'NYYNYN' },
  'explainer:review': { any: 'NYNYNN' },
  'desk:use': { any: 'NYYNYN' },
  'account:view': { any: 'NYYYYY' },
};

function billFor(r: Role | 'anonymous', as: MemberRole | 'outsider'): Resource {
  const members = as === 'outsider' ? [] : [{ userId: `u-${r}`, role: as }];
  return { type: 'bill', members: [...members, { userId: 'someone-else', role: 'editor' as const }] };
}

describe('can', () => {
  it('has an expectation for every action', () => {
    expect(Object.keys(expected).sort()).toEqual([...actions].sort());
  });

  for (const action of actions) {
    for (const [context, row] of Object.entries(expected[action])) {
      it(`decides ${action} (${context}) for every role`, () => {
        const got = who
          .map((r) => {
            const resource = context === 'any' ? undefined : billFor(r, context as MemberRole | 'outsider');
            return can(userOf(r), action, resource) ? 'Y' : 'N';
          })
          .join('');
        expect(got).toBe(row);
      });
    }
  }

  it('refuses bill actions when no bill is given', () => {
    expect(can(userOf('drafter'), 'draft:edit')).toBe(false);
    expect(can(userOf('admin'), 'draft:edit')).toBe(false);
  });
});

describe('isWorkspaceRole', () => {
  it('is true for the staff who work inside the legislative workspace, false for volunteers and the public', () => {
    expect(Object.fromEntries(roles.map((r) => [r, isWorkspaceRole(r)]))).toEqual({
      admin: true,
      drafter: true,
      reviewer: true,
      volunteer: false,
      public: false,
    });
  });
});
