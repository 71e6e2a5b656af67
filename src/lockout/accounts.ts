/**
 * The groups a user belongs to, when the repository holds the machine's etc/group (and, for the
 * primary group, etc/passwd) beside its sshd configuration: what sshd's AllowGroups and
 * DenyGroups test (groupaccess.c `ga_init`: getgrouplist(user, pw_gid), so the primary group by
 * its gid plus every group that lists the user as a member).
 */
import type { RelatedLocation } from '../core/finding.js';
import type { SourceFile } from '../core/source.js';
import type { ConfigAnalysis } from '../rules/rule.js';
import { machinePrefix } from './installed-keys.js';

export interface UserGroups {
  groups: { name: string; line: RelatedLocation }[];
  /** The primary group is known (etc/passwd names the user and etc/group its gid): `groups` is all of them. */
  complete: boolean;
  /** The etc/group file. */
  file: string;
}

/** `name:x:id:rest` lines (passwd and group share the shape); comments and short lines are skipped. */
function records(file: SourceFile): { fields: string[]; line: number }[] {
  return file.lines.flatMap((line) => {
    const fields = line.text.split(':');
    return line.text.startsWith('#') || fields.length < 4 ? [] : [{ fields, line: line.number }];
  });
}

export function groupsOf(accounts: readonly SourceFile[], server: ConfigAnalysis, user: string): UserGroups | undefined {
  const prefix = machinePrefix(server.tree.main.source.path);
  const groupFile = accounts.find((file) => file.path === `${prefix}etc/group`);
  if (!groupFile) return undefined;
  const passwd = accounts.find((file) => file.path === `${prefix}etc/passwd`);
  const primaryGid = passwd && records(passwd).find((record) => record.fields[0] === user)?.fields[3];
  const groups: UserGroups['groups'] = [];
  let primaryFound = false;
  for (const { fields, line } of records(groupFile)) {
    const primary = primaryGid !== undefined && fields[2] === primaryGid;
    primaryFound ||= primary;
    if (primary || fields[3]!.split(',').map((member) => member.trim()).includes(user)) {
      groups.push({ name: fields[0]!, line: { file: groupFile.path, line, column: 1, message: `group ${fields[0]}` } });
    }
  }
  return { groups, complete: primaryFound, file: groupFile.path };
}
