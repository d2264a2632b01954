import { z } from "zod";
import { ROLES } from "../../domain/roles.js";

/*
 * Request bodies of the auth routes, for validation and the OpenAPI description. Shapes only:
 * the handlers check the rest (e-mail form, password length) with messages that say what to do.
 */
const text = (max: number) => z.string().max(max);
const role = z.enum(ROLES);

export const signInBody = z.strictObject({ email: text(320), password: text(1024) });
export const passwordChangeBody = z.strictObject({ currentPassword: text(1024), newPassword: text(1024) });
export const setupBody = z.strictObject({
  token: text(200),
  email: text(320),
  name: text(200).optional(),
  password: text(1024),
});
export const inviteTokenBody = z.strictObject({ token: text(200) });
export const acceptInviteBody = setupBody;
export const addMemberBody = z.strictObject({ email: text(320), role });
export const patchMemberBody = z.strictObject({ role });
// An invitation names the address it is for: an open link would let its holder take any
// address, and so any plan person's identity (docs/security.md).
export const createInviteBody = z.strictObject({ role, email: text(320) });
export const createTokenBody = z.strictObject({ role, name: text(100).optional() });
