// Cross-checks the Parquet fixtures written by Parquet.Net (writers/Program.cs) with another reader, hyparquet,
// against the pandas CSV files they were made from. Run after make_eval_fixtures.py:
//   npm install --prefix /tmp/hyparquet hyparquet@1.31.5
//   NODE_PATH=/tmp/hyparquet/node_modules node tests/reference/cli/check_parquet.mjs
// Prints one line per file and exits 1 on any difference.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(path.join(process.env.NODE_PATH ?? '.', 'x.js'));
const { parquetReadObjects } = await import(require.resolve('hyparquet'));
const files = path.join(path.dirname(fileURLToPath(import.meta.url)), 'files');

function csv(name) {
  const [header, ...lines] = readFileSync(path.join(files, name), 'utf8').trim().split('\n');
  const names = header.split(',');
  return lines.map(line => Object.fromEntries(line.split(',').map((v, i) => [names[i], v === '' ? null : Number(v)])));
}

async function parquet(name) {
  const buffer = readFileSync(path.join(files, name));
  const file = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength);
  return parquetReadObjects({ file });
}

let failed = false;
function check(name, rows, expected, label, score) {
  const bad = expected.filter((e, i) => {
    const l = rows[i][label] === null ? null : Number(rows[i][label]);
    const s = rows[i][score];
    const sameScore = e.score === null ? s === null || Number.isNaN(s) : s === e.score;
    return !(l === e.label && sameScore);
  });
  const ok = rows.length === expected.length && bad.length === 0;
  failed ||= !ok;
  console.log(`${name}: ${rows.length} rows read by hyparquet; ${ok ? 'identical to the CSV' : `${bad.length} rows differ`}`);
}

check('predictions.parquet', await parquet('predictions.parquet'), csv('pandas_comma.csv'), 'label', 'score');
check('predictions_nullable.parquet', await parquet('predictions_nullable.parquet'), csv('pandas_missing.csv'), 'Label', 'score');
process.exit(failed ? 1 : 0);
