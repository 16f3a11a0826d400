import type { IncomingMessage, ServerResponse } from 'node:http';
import { accountArchive } from '../account/account-export.ts';
import type { Services } from '../services.ts';

/** `GET /exports/{token}`: the link `exportMyData` returns. */
export const ACCOUNT_EXPORT_PATH = /^\/exports\/([^/]+)$/;

/**
 * The viewer's data export as a zip, built when it is fetched. The link's token names the user and their
 * token version, so it stops working when it expires, when they sign out or change their password, and
 * when the account is deleted; it needs no Authorization header, so a plain link downloads it.
 */
export async function respondAccountExport(
  req: IncomingMessage,
  res: ServerResponse,
  services: Pick<Services, 'orm' | 'tokens' | 'tokenVersions'>,
  token: string,
) {
  const claims = await services.tokens.verifyExport(decodeURIComponent(token));
  const current = claims && (await services.tokenVersions.current(claims.userId));
  if (!claims || current !== claims.version)
    return gone(res, 'This download link has expired or was revoked; ask for a new one with exportMyData');
  const archive = await accountArchive(services.orm.em.fork(), claims.userId);
  if (!archive) return gone(res, 'This account no longer exists');
  res.writeHead(200, {
    'content-type': 'application/zip',
    'content-length': archive.byteLength,
    'content-disposition': `attachment; filename="study-room-data-${new Date().toISOString().slice(0, 10)}.zip"`,
    'x-content-type-options': 'nosniff',
    'cache-control': 'private, no-store',
    'referrer-policy': 'no-referrer',
  });
  res.end(req.method === 'HEAD' ? undefined : archive);
}

function gone(res: ServerResponse, message: string) {
  res.writeHead(410, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(message);
}
