import Database from 'better-sqlite3';
import { parentPort } from 'node:worker_threads';
import { GENESIS_HASH } from '../chain/chain-hash';
import { accessLinkOfSqliteRow, accessLinksFromCopy } from './access-chain-rows';
import type { ChainChunkJob, ChainChunkReply } from './chain-chunk.job';
import { StoredLink, verifyChainChunk } from './chain-verifier';

/**
 * Verification worker: decodes and hashes one slice of the access stream at a time (see ChainChunkWorkers).
 * Loaded on its own, so it imports nothing that needs Nest or path aliases.
 */
const readers = new Map<string, Database.Database>();

function links(job: ChainChunkJob): Iterable<StoredLink> {
  const { source, request } = job;
  if ('copyText' in source) return accessLinksFromCopy(Buffer.from(source.copyText.buffer, source.copyText.byteOffset, source.copyText.byteLength).toString('utf8'));
  let reader = readers.get(source.sqliteFile);
  if (!reader) {
    reader = new Database(source.sqliteFile, { readonly: true, fileMustExist: true });
    readers.set(source.sqliteFile, reader);
  }
  return mapRows(reader.prepare(source.sql).raw(true).iterate(request.afterSeq, request.toSeq) as IterableIterator<unknown[]>);
}

/** Row by row, so no slice of decoded rows outlives the young generation. */
function* mapRows(rows: IterableIterator<unknown[]>): Generator<StoredLink> {
  for (const row of rows) yield accessLinkOfSqliteRow(row);
}

parentPort!.on('message', ({ id, job }: { id: number; job: ChainChunkJob }) => {
  let reply: ChainChunkReply;
  try {
    reply = { id, result: verifyChainChunk(job.request, links(job), GENESIS_HASH) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(reply);
});
