/**
 * Site part: the style sheet (`page.css`) and the filter script (`client.js`) inlined into every page.
 *
 * They are program resources shipped with the code, not data: they sit next to this module, are read
 * once when it is imported, and are the same for every build, like the code itself. Reading them here
 * (rather than passing them in from `build.ts`) keeps the page functions pure and their signatures
 * free of a detail no caller chooses; the stages still touch no file of the build (seeds, output).
 * Each file is inlined byte for byte; one that could close its element early is refused at import.
 */
import { readFileSync } from 'node:fs';
import { unsafe, type SafeHtml } from './html.js';

/** Reads a resource next to this module and checks that it cannot end its element (`</style`, `</script`). */
function readResource(name: string, element: 'style' | 'script'): SafeHtml {
  const text = readFileSync(new URL(`./${name}`, import.meta.url), 'utf8');
  if (text.toLowerCase().includes(`</${element}`)) throw new Error(`${name} contains </${element}: it would end the <${element}> element it is inlined in`);
  // Our own style sheet and script, inlined as they are: escaping would break their quotes and `>`.
  return unsafe(text);
}

/** The pages' style sheet, inlined in `<style>`. */
export const PAGE_STYLE = readResource('page.css', 'style');

/** The filter script (progressive enhancement: without it every project stays visible), inlined in `<script>`. */
export const CLIENT_SCRIPT = readResource('client.js', 'script');
