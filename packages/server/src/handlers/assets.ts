// The co-branded asset library: search and filter the offered assets, read one with its template,
// record a download (co-branded or plain) behind a short-lived signed link, and serve that link.
import { randomBytes } from 'node:crypto';
import { CompactSign, compactVerify } from 'jose';
import { loadSessionSecret } from '../auth.js';
import { getPartner, getProgram } from '../program.js';
import {
  type AssetCursor,
  type AssetSort,
  attachmentDisposition,
  DOWNLOAD_TTL_SECONDS,
  decodeAssetCursor,
  decodeFileClaim,
  downloadFileName,
  downloadFormat,
  effectiveSort,
  encodeAssetCursor,
  encodeFileClaim,
  isOffered,
  languageFilter,
  prefixTsQuery,
  RELEVANCE_SCALE,
} from '../rules/assets.js';
import {
  type CoBrandFields,
  type CoBrandTemplate,
  coBrandPdf,
  coBrandSvg,
  coBrandValues,
} from '../rules/cobrand.js';
import {
  ApiError,
  type Database,
  type Handler,
  type Handlers,
  notFound,
  type Queryable,
  type Schemas,
} from '../types.js';

type Asset = Schemas['Asset'];
type AssetDetail = Schemas['AssetDetail'];

/** The signing secret is the server's session secret (shared by every server on the database). */
const secrets = new WeakMap<Database, Promise<Uint8Array>>();
function signingSecret(db: Database): Promise<Uint8Array> {
  let secret = secrets.get(db);
  if (!secret) {
    secret = loadSessionSecret(db);
    secret.catch(() => secrets.delete(db));
    secrets.set(db, secret);
  }
  return secret;
}

function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

interface AssetRow {
  id: string;
  title: string;
  description: string;
  type: Asset['type'];
  format: Asset['format'];
  language: string;
  audience: Asset['audience'];
  product_ids: string[];
  tags: string[];
  thumbnail_url: string | null;
  size: number;
  template: Omit<CoBrandTemplate, 'source'> | null;
  approval_status: string;
  published_at: Date;
  expires_at: Date | null;
  download_count: number;
}

const ASSET_COLUMNS = `a.id, a.title, a.description, a.type, a.format, a.language, a.audience, a.product_ids, a.tags,
  a.thumbnail_url, f.size, a.template, a.approval_status, a.published_at, a.expires_at, a.download_count`;

function assetOf(r: AssetRow): Asset {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    type: r.type,
    format: r.format,
    products: r.product_ids,
    language: r.language,
    audience: r.audience,
    tags: r.tags,
    thumbnailUrl: r.thumbnail_url,
    size: Number(r.size),
    coBrandable: r.template !== null,
    publishedAt: r.published_at.toISOString(),
    expiresAt: r.expires_at ? r.expires_at.toISOString() : null,
    downloadCount: Number(r.download_count),
  };
}

// ---------------------------------------------------------------------------------------------
// listAssets

const listAssets: Handler = async (req, ctx) => {
  const query = req.query as {
    q?: string;
    type?: string | string[];
    product?: string | string[];
    language?: string | string[];
    audience?: string | string[];
    coBrandable?: boolean;
    sort?: AssetSort;
    cursor?: string;
    limit?: number;
  };
  const tsq = prefixTsQuery(query.q);
  const sort = effectiveSort(query.sort, tsq !== null);
  const limit = Number.isInteger(query.limit) ? Number(query.limit) : 25;
  const cursor = query.cursor ? decodeAssetCursor(query.cursor, sort) : null;
  const now = ctx.now();

  const params: unknown[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = [
    `a.approval_status = 'approved'`,
    `a.published_at <= ${p(now)}::timestamptz`,
    `(a.expires_at IS NULL OR a.expires_at > ${p(now)}::timestamptz)`,
  ];
  const queryParam = tsq ? p(tsq) : null;
  if (queryParam) where.push(`a.search @@ to_tsquery('simple', ${queryParam})`);
  const types = asArray(query.type);
  if (types.length) where.push(`a.type = ANY(${p(types)}::text[])`);
  const products = asArray(query.product);
  if (products.length) where.push(`a.product_ids && ${p(products)}::text[]`);
  const languages = languageFilter(asArray(query.language));
  if (languages.exact.length || languages.base.length) {
    where.push(
      `(a.language = ANY(${p(languages.exact)}::text[]) OR split_part(a.language, '-', 1) = ANY(${p(languages.base)}::text[]))`,
    );
  }
  const audiences = asArray(query.audience);
  if (audiences.length) where.push(`a.audience = ANY(${p(audiences)}::text[])`);
  if (typeof query.coBrandable === 'boolean')
    where.push(`(a.template IS NOT NULL) = ${p(query.coBrandable)}`);

  const filtered = where.join(' AND ');
  const countParams = [...params];

  const score = queryParam
    ? `(round(ts_rank_cd(a.search, to_tsquery('simple', ${queryParam})) * ${RELEVANCE_SCALE}))::bigint`
    : '0::bigint';
  const keyset: string[] = [];
  let order: string;
  switch (sort) {
    case 'newest':
      order = 'a.published_at DESC, a.id DESC';
      if (cursor?.sort === 'newest')
        keyset.push(`(a.published_at, a.id) < (${p(cursor.publishedAt)}::timestamptz, ${p(cursor.id)})`);
      break;
    case 'title':
      order = 'lower(a.title) ASC, a.id ASC';
      if (cursor?.sort === 'title')
        keyset.push(`(lower(a.title), a.id) > (${p(cursor.title)}::text, ${p(cursor.id)})`);
      break;
    case 'popular':
      order = 'a.download_count DESC, a.id DESC';
      if (cursor?.sort === 'popular')
        keyset.push(`(a.download_count, a.id) < (${p(cursor.downloads)}::integer, ${p(cursor.id)})`);
      break;
    default:
      order = 'score DESC, a.id ASC';
      if (cursor?.sort === 'relevance') {
        const s = p(cursor.score);
        keyset.push(`(${score} < ${s}::bigint OR (${score} = ${s}::bigint AND a.id > ${p(cursor.id)}))`);
      }
  }
  const sql = `SELECT ${ASSET_COLUMNS}, ${score} AS score, lower(a.title) AS title_key
      FROM assets a JOIN asset_files f ON f.id = a.file_id
     WHERE ${[filtered, ...keyset].join(' AND ')}
     ORDER BY ${order}
     LIMIT ${p(limit + 1)}`;

  const [page, count] = await Promise.all([
    ctx.db.query<AssetRow & { score: number; title_key: string }>(sql, params),
    ctx.db.query<{ total: number }>(`SELECT count(*) AS total FROM assets a WHERE ${filtered}`, countParams),
  ]);
  const rows = page.rows.slice(0, limit);
  const last = rows.at(-1);
  let nextCursor: string | null = null;
  if (page.rows.length > limit && last) {
    const position: AssetCursor =
      sort === 'newest'
        ? { sort, publishedAt: last.published_at.toISOString(), id: last.id }
        : sort === 'title'
          ? { sort, title: last.title_key, id: last.id }
          : sort === 'popular'
            ? { sort, downloads: Number(last.download_count), id: last.id }
            : { sort, score: Number(last.score), id: last.id };
    nextCursor = encodeAssetCursor(position);
  }
  return {
    status: 200,
    body: { items: rows.map(assetOf), nextCursor, total: Number(count.rows[0]?.total ?? 0) },
  };
};

// ---------------------------------------------------------------------------------------------
// getAsset

/** An asset that is offered now, with its file; anything else is "not found". */
async function findOffered(
  q: Queryable,
  id: string,
  now: Date,
): Promise<AssetRow & { file_id: string; content_type: string }> {
  const { rows } = await q.query<AssetRow & { file_id: string; content_type: string }>(
    `SELECT ${ASSET_COLUMNS}, a.file_id, f.content_type
       FROM assets a JOIN asset_files f ON f.id = a.file_id WHERE a.id = $1`,
    [id],
  );
  const row = rows[0];
  if (
    !row ||
    !isOffered(
      { approvalStatus: row.approval_status, publishedAt: row.published_at, expiresAt: row.expires_at },
      now,
    )
  ) {
    throw notFound('asset');
  }
  return row;
}

async function fileBytes(q: Queryable, fileId: string): Promise<Buffer> {
  const { rows } = await q.query<{ data: Uint8Array }>('SELECT data FROM asset_files WHERE id = $1', [
    fileId,
  ]);
  if (!rows[0]) throw notFound('file');
  return Buffer.from(rows[0].data);
}

const getAsset: Handler = async (req, ctx) => {
  const row = await findOffered(ctx.db, req.params.id, ctx.now());
  let template: AssetDetail['template'] = null;
  if (row.template) {
    template = { ...row.template };
    if (row.template.format === 'svg')
      template.source = (await fileBytes(ctx.db, row.file_id)).toString('utf8');
  }
  const body: AssetDetail = { ...assetOf(row), template };
  return { status: 200, body };
};

// ---------------------------------------------------------------------------------------------
// createAssetDownload

const createAssetDownload: Handler = async (req, ctx) => {
  const input = (req.body ?? {}) as Schemas['AssetDownloadInput'];
  const now = ctx.now();
  const asset = await findOffered(ctx.db, req.params.id, now);
  const coBrand = input.coBrand === true && asset.template !== null;
  const format = downloadFormat(
    { format: asset.format, templateFormat: asset.template?.format ?? null },
    coBrand,
    input.format,
  );

  let generated: Buffer | null = null;
  let contentType = asset.content_type;
  let brandName: string | null = null;
  if (coBrand && asset.template) {
    const fields = (input.fields ?? {}) as CoBrandFields;
    const partner = ctx.caller.partnerId ? await getPartner(ctx.db, ctx.caller.partnerId) : null;
    const details = partner
      ? {
          name: partner.name,
          logoUrl: partner.logoUrl,
          website: partner.website ?? null,
          contact: partner.contact,
        }
      : {
          // A vendor admin trying the template: the program's name, and whatever fields they pass.
          name: (await getProgram(ctx.db)).vendorName,
          logoUrl: null,
          website: null,
          contact: { name: ctx.caller.userName, email: ctx.caller.email },
        };
    const values = coBrandValues(details, fields);
    brandName = values.partner_name || details.name;
    const source = await fileBytes(ctx.db, asset.file_id);
    if (asset.template.format === 'svg') {
      generated = Buffer.from(coBrandSvg(source.toString('utf8'), asset.template, values), 'utf8');
      contentType = 'image/svg+xml';
    } else {
      generated = Buffer.from(await coBrandPdf(source, asset.template, values));
      contentType = 'application/pdf';
    }
  }

  // 12 random bytes, as the signed link carries them (see encodeFileClaim).
  const id = `dl_${randomBytes(12).toString('base64url')}`;
  const expiresAt = new Date(Math.floor(now.getTime() / 1000) * 1000 + DOWNLOAD_TTL_SECONDS * 1000);
  const fileName = downloadFileName(asset.title, contentType, coBrand ? brandName : null);
  await ctx.db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO asset_downloads (id, asset_id, partner_id, user_id, user_name, co_branded, fields, file_name,
         content_type, created_at, expires_at, format)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        id,
        asset.id,
        ctx.caller.partnerId,
        ctx.caller.userId,
        ctx.caller.userName,
        coBrand,
        coBrand && input.fields ? JSON.stringify(input.fields) : null,
        fileName,
        contentType,
        now,
        expiresAt,
        format,
      ],
    );
    if (generated) {
      await tx.query(
        'INSERT INTO asset_download_files (download_id, size, data, expires_at) VALUES ($1, $2, $3, $4)',
        [id, generated.length, generated, expiresAt],
      );
    }
    await tx.query('UPDATE assets SET download_count = download_count + 1 WHERE id = $1', [asset.id]);
    // Co-branded bytes are kept only while their link works.
    await tx.query('DELETE FROM asset_download_files WHERE expires_at < $1', [now]);
  });

  // A JWS (HS256, the server's shared secret) over the download id and expiry: the link itself is
  // the authorisation, and it cannot be altered or extended.
  const token = await new CompactSign(encodeFileClaim(id, expiresAt))
    .setProtectedHeader({ alg: 'HS256' })
    .sign(await signingSecret(ctx.db));
  const body: Schemas['AssetDownload'] = {
    id,
    assetId: asset.id,
    format,
    url: `${ctx.baseUrl}/v1/files/${token}`,
    fileName,
    contentType,
    coBranded: coBrand,
    expiresAt: expiresAt.toISOString(),
  };
  return { status: 201, body };
};

// ---------------------------------------------------------------------------------------------
// getFile

const gone = () => new ApiError(410, 'gone', 'This download link has expired; ask for a new one.');
const invalidLink = () => new ApiError(404, 'not_found', 'No file behind this link.');

const getFile: Handler = async (req, ctx) => {
  const now = ctx.now();
  let claim: ReturnType<typeof decodeFileClaim> = null;
  try {
    const { payload } = await compactVerify(req.params.token, await signingSecret(ctx.db), {
      algorithms: ['HS256'],
    });
    claim = decodeFileClaim(payload);
  } catch {
    claim = null;
  }
  // Only a token this server signed can be expired; anything else is simply not a link.
  if (!claim) throw invalidLink();
  if (claim.expiresAt.getTime() <= now.getTime()) throw gone();
  const downloadId = claim.downloadId;
  const { rows } = await ctx.db.query<{
    asset_id: string;
    co_branded: boolean;
    file_name: string;
    content_type: string;
    expires_at: Date;
  }>('SELECT asset_id, co_branded, file_name, content_type, expires_at FROM asset_downloads WHERE id = $1', [
    downloadId,
  ]);
  const download = rows[0];
  if (!download) throw invalidLink();
  if (download.expires_at.getTime() <= now.getTime()) throw gone();
  // An asset withdrawn or expired since the link was made is no longer offered.
  const asset = await findOffered(ctx.db, download.asset_id, now).catch(() => {
    throw invalidLink();
  });
  let data: Buffer;
  if (download.co_branded) {
    const file = await ctx.db.query<{ data: Uint8Array }>(
      'SELECT data FROM asset_download_files WHERE download_id = $1',
      [downloadId],
    );
    if (!file.rows[0]) throw gone();
    data = Buffer.from(file.rows[0].data);
  } else {
    data = await fileBytes(ctx.db, asset.file_id);
  }
  return {
    status: 200,
    body: data,
    headers: {
      'Content-Type': download.content_type,
      'Content-Disposition': attachmentDisposition(download.file_name),
      'Content-Length': String(data.length),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
      // An SVG or HTML file opened from this origin can run nothing and load nothing.
      'Content-Security-Policy':
        "default-src 'none'; img-src data: https: http:; style-src 'unsafe-inline'; sandbox",
    },
  };
};

export const assetHandlers: Handlers = {
  listAssets,
  getAsset,
  createAssetDownload,
  getFile,
};
