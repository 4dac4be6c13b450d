/**
 * The plan's source map (JSON pointer → source position, made by `toPlan`), held per project instead
 * of one map entry per pointer: at 62,000 projects the 1.4 million pointer strings and entries took
 * about 150 MB, at the build's peak, and seconds to make. It answers `get` exactly as a map of every
 * pointer would; iterating makes the pointers as it goes.
 */
import type { Position } from '../diagnostics.js';

/** Where one project was read: the sheet (or list entry), its parts, rows and target cells. */
export interface ProjectPositions {
  /** The sheet, or the list entry of a project without one. */
  self: Position | null;
  /** Each part of the sheet by its key in the model (`name`, `leadDepartments`, `initiatives`, …). */
  parts: ReadonlyMap<string, Position>;
  initiatives: readonly Position[];
  indicators: readonly Position[];
  /** Per indicator, per target slot, the cell the target was read from. */
  targets: readonly (readonly (Position | undefined)[])[];
}

const PROJECTS = '/projects/';

/** A JSON pointer's array index (canonical: no sign, no leading zero), or -1. */
function indexOf(token: string | undefined): number {
  return token !== undefined && /^(0|[1-9]\d*)$/.test(token) ? Number(token) : -1;
}

/** JSON pointer → source position for a plan: the projects' positions by project, everything else by pointer. */
export class PlanSourceMap implements ReadonlyMap<string, Position> {
  private readonly others = new Map<string, Position>();
  private readonly projects: (ProjectPositions | undefined)[] = [];

  /** Records the position of a pointer outside the projects (a policy, a revision, an entry). */
  setOther(pointer: string, position: Position): void {
    if (pointer.startsWith(PROJECTS)) throw new Error(`A project's positions are set with setProject: ${pointer}`);
    this.others.set(pointer, position);
  }

  /** Records where the project at `index` was read. */
  setProject(index: number, positions: ProjectPositions): void {
    this.projects[index] = positions;
  }

  /** The position of exactly this pointer, as a map of every pointer would give it. */
  get(pointer: string): Position | undefined {
    if (!pointer.startsWith(PROJECTS)) return this.others.get(pointer);
    const path = pointer.slice(PROJECTS.length).split('/');
    const project = this.projects[indexOf(path[0])];
    if (!project) return undefined;
    if (path.length === 1) return project.self ?? undefined;
    if (path.length === 2) return project.parts.get(path[1]!);
    const n = indexOf(path[2]);
    if (n < 0) return undefined;
    if (path.length === 3 && path[1] === 'initiatives') return project.initiatives[n];
    if (path[1] !== 'indicators') return undefined;
    if (path.length === 3) return project.indicators[n];
    return path.length === 5 && path[3] === 'targets' ? project.targets[n]?.[indexOf(path[4])] : undefined;
  }

  /** True when `get` gives a position. */
  has(pointer: string): boolean {
    return this.get(pointer) !== undefined;
  }

  /** How many pointers have a position. */
  get size(): number {
    let n = 0;
    for (const _ of this.entries()) n++;
    return n;
  }

  /** Every pointer with its position: the policies, the projects, then the rest. */
  *entries(): MapIterator<[string, Position]> {
    const others = [...this.others];
    yield* others.filter(([pointer]) => pointer.startsWith('/policies/'));
    for (const [index, project] of this.projects.entries()) {
      if (!project) continue;
      const pointer = `${PROJECTS}${index}`;
      if (project.self) yield [pointer, project.self];
      for (const [key, position] of project.parts) yield [`${pointer}/${key}`, position];
      for (const [n, position] of project.initiatives.entries()) yield [`${pointer}/initiatives/${n}`, position];
      for (const [n, position] of project.indicators.entries()) {
        yield [`${pointer}/indicators/${n}`, position];
        for (const [s, cell] of (project.targets[n] ?? []).entries()) if (cell) yield [`${pointer}/indicators/${n}/targets/${s}`, cell];
      }
    }
    yield* others.filter(([pointer]) => !pointer.startsWith('/policies/'));
  }

  /** Every pointer that has a position. */
  *keys(): MapIterator<string> {
    for (const [pointer] of this.entries()) yield pointer;
  }

  /** Every position, in the order of `entries`. */
  *values(): MapIterator<Position> {
    for (const [, position] of this.entries()) yield position;
  }

  /** Calls `callback` for every pointer and its position. */
  forEach(callback: (position: Position, pointer: string, map: ReadonlyMap<string, Position>) => void): void {
    for (const [pointer, position] of this.entries()) callback(position, pointer, this);
  }

  /** The same as `entries`. */
  [Symbol.iterator](): MapIterator<[string, Position]> {
    return this.entries();
  }
}
