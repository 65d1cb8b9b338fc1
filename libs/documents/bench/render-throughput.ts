/**
 * Documents per second for the one-page breach letter, in one process on one core. Not a test: a figure for capacity
 * planning. Run: npx ts-node -T -r tsconfig-paths/register libs/documents/bench/render-throughput.ts [out.pdf]
 */
import { writeFileSync } from 'node:fs';
import { renderPdf, sha256Hex } from '../src';
import { drawBreachLetter, sampleMeta } from '../test/sample-documents';

async function main(): Promise<void> {
  const sample = await renderPdf(sampleMeta(), drawBreachLetter('nl'));
  if (process.argv[2]) writeFileSync(process.argv[2], sample);

  for (let warmUp = 0; warmUp < 20; warmUp++) await renderPdf(sampleMeta(), drawBreachLetter('nl'));
  const count = 300;
  const started = process.hrtime.bigint();
  for (let index = 0; index < count; index++) await renderPdf(sampleMeta(), drawBreachLetter('nl'));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;

  console.log(`${(count / seconds).toFixed(1)} documents/s, ${sample.length} bytes, sha256 ${sha256Hex(sample)}`);
}

void main();
