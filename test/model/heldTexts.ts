/**
 * Run in a child process by `toPlan.test.ts` (`node --import tsx`): checks both real editions as the
 * build does (`checkEditions`), keeps what the build keeps of them, and prints as JSON which decoded
 * edition texts the heap still holds — first while a test slice of one is kept on purpose (the
 * check that the search finds a held text), then with only the checks kept.
 */
import { getHeapSnapshot } from 'node:v8';
import { checkEditions } from '../../pipeline/build.js';
import { collectGarbage } from '../../pipeline/common/memory.js';
import { ownCopy } from '../../pipeline/common/text.js';
import { fromEditionFolder, type EditionInput } from '../../pipeline/io/editionFolder.js';
import { nodeEffects } from '../../pipeline/io/effects.js';
import { ROOT } from '../helpers.js';

const inputs: EditionInput[] = [];
for (const folder of ['2021', '2025-03']) {
  const read = await fromEditionFolder(nodeEffects, `${ROOT}seeds`, folder);
  if (!read.ok) throw new Error(`cannot read ${folder}`);
  inputs.push(read.input);
}
// How each text starts, decoded from its first bytes only: this process never holds a whole text itself.
const heads = inputs.map((input) => ownCopy(new TextDecoder().decode(input.bytes.subarray(0, 600)).slice(0, 100)));

/** The strings of at least 10,000 characters in the heap that start as an edition text does: their lengths. */
async function heldTexts(): Promise<number[]> {
  collectGarbage();
  let json = '';
  for await (const piece of getHeapSnapshot()) json += piece;
  const snapshot = JSON.parse(json) as { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[]; strings: string[] };
  const { node_fields: fields, node_types: [types] } = snapshot.snapshot.meta;
  const [type, name, size] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [number, number, number];
  const held: number[] = [];
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    if (types[snapshot.nodes[i + type]!] !== 'string' || snapshot.nodes[i + size]! < 10_000) continue;
    const text = snapshot.strings[snapshot.nodes[i + name]!]!;
    if (heads.some((head) => text.startsWith(head))) held.push(snapshot.nodes[i + size]!);
  }
  return held;
}

const checks = checkEditions(inputs);
// A name of the 2025-03 text cut from it as the parser cuts lines: a view that keeps the whole text.
let kept: string | null = checks[1]!.plan ? new TextDecoder().decode(inputs[1]!.bytes).slice(200, 260) : null;
const withSlice = await heldTexts();
kept = null;
const withChecks = await heldTexts();
process.stdout.write(JSON.stringify({ editions: checks.map((c) => c.plan?.projects.length ?? null), withSlice, withChecks, kept }));
