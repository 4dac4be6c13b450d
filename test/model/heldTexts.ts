/**
 * Run in a child process by `toPlan.test.ts` (`node --no-opt --import tsx`): checks both real
 * editions as the build does (`checkEditions`), keeps what the build keeps of them, and prints as
 * JSON which large texts one heap snapshot still holds: the decoded edition texts (none should be
 * left) and a control text of its own, of which only a short slice is kept on purpose (the check that
 * the search finds a text a slice keeps alive).
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
// How each text starts, decoded from its first bytes only: this process never holds a whole edition text itself.
const heads = inputs.map((input) => ownCopy(new TextDecoder().decode(input.bytes.subarray(0, 600)).slice(0, 100)));
const CONTROL_HEAD = 'control text: held by a slice of it';

const checks = checkEditions(inputs);
// The control: a text of 40,000 characters decoded from bytes, as an edition's is (no other string
// of the heap starts as it does), of which a slice of 40 is kept: V8 keeps it as a view of the whole.
const headBytes = new TextEncoder().encode(CONTROL_HEAD);
const fill = new TextEncoder().encode('行政');
const controlBytes = new Uint8Array(headBytes.length + fill.length * 20_000);
controlBytes.set(headBytes);
for (let at = headBytes.length; at < controlBytes.length; at += fill.length) controlBytes.set(fill, at);
const kept = new TextDecoder().decode(controlBytes).slice(40, 80);

// RegExp's last match may hold a slice of the last text searched; another search replaces it.
/x/.exec('x');
collectGarbage();
collectGarbage();
let json = '';
for await (const piece of getHeapSnapshot()) json += piece;
const snapshot = JSON.parse(json) as { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[]; strings: string[] };
const { node_fields: fields, node_types: [types] } = snapshot.snapshot.meta;
const [type, name, size] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [number, number, number];
// The heap's strings of at least 10,000 bytes that start as an edition text or the control does: their sizes in bytes.
const held = { editions: [] as number[], control: [] as number[] };
for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
  if (types[snapshot.nodes[i + type]!] !== 'string' || snapshot.nodes[i + size]! < 10_000) continue;
  // A snapshot names a string by its first 1,024 characters.
  const text = snapshot.strings[snapshot.nodes[i + name]!]!;
  if (heads.some((head) => text.startsWith(head))) held.editions.push(snapshot.nodes[i + size]!);
  if (text.startsWith(CONTROL_HEAD)) held.control.push(snapshot.nodes[i + size]!);
}
// `kept` is printed so that it is alive when the snapshot is taken.
process.stdout.write(JSON.stringify({ projects: checks.map((c) => c.plan?.projects.length ?? null), held, kept }));
