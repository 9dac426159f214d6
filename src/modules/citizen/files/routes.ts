import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { reachOf } from '../../../access/policy.ts';
import { isUnitInReach } from '../../../access/reach.ts';
import { audit } from '../../../audit/audit.ts';
import { AppError, notFound, unauthenticated } from '../../../platform/errors.ts';
import { auditContext, type App, type AppContext } from '../../../platform/http/context.ts';
import { Binary, errors, Uuid } from '../../../platform/http/schemas.ts';
import { dossierPolicy } from '../../dossiers/policy.ts';
import { draftSubmitted, maxFilesPerDraft } from '../drafts/commands.ts';
import { draftTokenHeader, requireDraft } from '../http.ts';
import { signedFileUrl, verifyFileLink } from './links.ts';
import { citizenDraftHoldsFile, countDraftFiles, dossiersHoldingFile, getFile, insertFile, linkFileToDraft, type FileMeta } from './repository.ts';
import { judgeUpload } from './sniff.ts';
import type { FileStore } from './store.ts';

// Uploads (PDF, JPEG, PNG up to 10 MB, type checked by content) into a draft, or by an official (scans,
// results); downloads for whoever may see the draft or a dossier that holds the file.

export const maxUploadBytes = 10 * 1024 * 1024;
const maxUploadMb = maxUploadBytes / 1024 / 1024;

const UploadedFile = Type.Object({ id: Uuid, name: Type.String(), size: Type.Integer(), mediaType: Type.String(), sha256: Type.String(), url: Type.String() });

const tooLarge = () => new AppError(413, 'file_too_large', `The file is larger than ${maxUploadMb} MB. Scan at a lower resolution or split it.`,
  `Tệp lớn hơn ${maxUploadMb} MB. Hãy quét với độ phân giải thấp hơn hoặc chia nhỏ tệp.`, [{ field: 'file', message: `At most ${maxUploadMb} MB`, messageVi: `Tối đa ${maxUploadMb} MB` }]);
const fileRequired = () => new AppError(400, 'file_required', 'Choose a file to upload.', 'Chọn tệp để tải lên.', [{ field: 'file', message: 'Choose a file to upload.', messageVi: 'Chọn tệp để tải lên.' }]);

async function readUpload(request: FastifyRequest): Promise<{ name: string; bytes: Buffer }> {
  let part;
  try {
    part = await request.file();
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 406) throw fileRequired();
    throw err;
  }
  if (!part) throw fileRequired();
  try {
    return { name: part.filename, bytes: await part.toBuffer() };
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw err;
  }
}

/** Officials: files they uploaded or of a dossier in reach; citizens: files of their drafts and their dossiers. */
async function mayRead(ctx: AppContext, request: FastifyRequest, file: FileMeta): Promise<boolean> {
  const caller = request.caller;
  if (!caller) return false;
  if (file.uploadedBy === caller.userId) return true;
  const db = ctx.database.db;
  const holders = await dossiersHoldingFile(db, file.id);
  if (caller.kind === 'citizen') return holders.some((h) => h.applicantUserId === caller.userId) || citizenDraftHoldsFile(db, caller.userId, file.id);
  const reach = reachOf(caller, dossierPolicy.read);
  for (const h of holders) if (await isUnitInReach(db, reach, h.unitId)) return true;
  return false;
}

function contentDisposition(name: string): string {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function fileRoutes(app: App, ctx: AppContext, store: FileStore): void {
  const db = ctx.database.db;
  const secret = ctx.config.sessionSecret;

  // Multipart parsing only for the upload route's own context.
  void app.register(async (scope: App) => {
    await scope.register(multipart, { limits: { fileSize: maxUploadBytes, files: 1, fields: 2, parts: 3 } });
    scope.post('/api/v1/files', {
      bodyLimit: maxUploadBytes + 64 * 1024,
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['citizen'],
        summary: `Upload a PDF, JPEG or PNG (at most ${maxUploadMb} MB; the type is read from the content) into a draft, or as an official / Tải tệp lên`,
        description: 'multipart/form-data with one part named "file". With ?draftId= send the draft token in X-Draft-Token (or be its owner).',
        querystring: Type.Object({ draftId: Type.Optional(Uuid) }),
        headers: Type.Object({ [draftTokenHeader]: Type.Optional(Type.String({ maxLength: 100 })) }),
        response: { 201: UploadedFile, ...errors(400, 401, 403, 404, 409, 413, 415, 422, 429) },
      },
    }, async (request, reply) => {
      const now = ctx.clock();
      const draftId = request.query.draftId;
      if (draftId) {
        const draft = await requireDraft(db, request, draftId, now);
        if (draft.submitted_dossier_id) throw draftSubmitted();
        if ((await countDraftFiles(db, draftId)) >= maxFilesPerDraft) {
          throw new AppError(422, 'too_many_files', `A submission holds at most ${maxFilesPerDraft} files.`, `Mỗi hồ sơ có tối đa ${maxFilesPerDraft} tệp.`);
        }
      } else if (!request.caller) {
        throw unauthenticated();
      } else if (request.caller.kind !== 'official') {
        throw new AppError(403, 'forbidden', 'Upload files into your draft.', 'Hãy tải tệp lên trong bản nháp hồ sơ.');
      }
      const { name, bytes } = await readUpload(request);
      const verdict = judgeUpload(name, bytes);
      if (!verdict.ok) {
        throw new AppError(verdict.code === 'empty_file' ? 400 : 415, verdict.code!, verdict.message!, verdict.messageVi!,
          [{ field: 'file', message: verdict.message!, messageVi: verdict.messageVi! }]);
      }
      const stored = await store.put(bytes);
      const file = await db.transaction().execute(async (trx) => {
        const row = await insertFile(trx, { sha256: stored.sha256, size: stored.size, mediaType: verdict.mediaType!, name: verdict.name!, uploadedBy: request.caller?.userId ?? null, now });
        if (draftId) await linkFileToDraft(trx, draftId, row.id, now);
        await audit(trx, auditContext(request), {
          action: 'file.upload', subjectType: 'file', subjectId: row.id,
          after: { name: row.name, size: row.size, mediaType: row.mediaType, sha256: row.sha256, draftId: draftId ?? null },
        });
        return row;
      });
      return reply.status(201).send({ id: file.id, name: file.name, size: file.size, mediaType: file.mediaType, sha256: file.sha256, url: signedFileUrl(secret, file.id, now) });
    });
  });

  app.get('/api/v1/files/:id', {
    config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
    schema: {
      tags: ['citizen'],
      summary: 'Download a stored file (signed link, or as someone who may see its draft or dossier) / Tải tệp về',
      params: Type.Object({ id: Uuid }),
      querystring: Type.Object({ link: Type.Optional(Type.String({ maxLength: 100 })) }),
      response: { 200: Binary('The file as uploaded (PDF, JPEG or PNG)'), ...errors(400, 404, 429) },
    },
  }, async (request, reply) => {
    const file = await getFile(db, request.params.id);
    const link = request.query.link;
    const allowed = !!file && (link ? verifyFileLink(secret, file.id, link, ctx.clock()) : await mayRead(ctx, request, file));
    if (!file || !allowed) throw notFound('File', 'Tệp');
    const bytes = await store.get(file.sha256);
    if (!bytes) {
      request.log.error({ fileId: file.id, sha256: file.sha256 }, 'stored file is missing from the file store');
      throw notFound('File', 'Tệp');
    }
    return reply.type(file.mediaType).header('content-disposition', contentDisposition(file.name))
      .header('cache-control', 'private, no-store').send(bytes);
  });
}
