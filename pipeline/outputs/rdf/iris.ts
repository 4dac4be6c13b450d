/**
 * The identifiers of every published node, as paths relative to the edition's base IRI. The same
 * thing gets the same path in every edition (a project by its number, an indicator by its project
 * and row, a target by its indicator and fiscal year); each edition's statements about them live in
 * the edition's own named graph, so editions can be merged, linked and compared. CSV `ID` columns
 * hold these paths too.
 */

/** Relative IRI paths of the nodes of the plan model. */
export const iriPaths = {
  edition: (editionId: string) => `edition/${editionId}`,
  policy: (policyId: string) => `policy/${policyId}`,
  measure: (measureId: string) => `measure/${measureId}`,
  project: (projectId: string) => `project/${projectId}`,
  projectDepartment: (projectId: string, role: 'lead' | 'related', n: number) => `project/${projectId}/department/${role}/${n}`,
  // Percent-encoded as a CSVW processor expands the URI template `department/{department}` (RFC 6570
  // simple expansion also encodes !'()*, which encodeURIComponent leaves), so both make one IRI.
  department: (name: string) => `department/${encodeURIComponent(name).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
  municipality: (code: string) => `municipality/${code}`,
  initiative: (projectId: string, n: number) => `project/${projectId}/initiative/${n}`,
  initiativeText: (projectId: string, n: number, key: string) => `project/${projectId}/initiative/${n}/text/${key}`,
  indicator: (projectId: string, n: number) => `project/${projectId}/indicator/${n}`,
  target: (projectId: string, n: number, fiscalYear: number) => `project/${projectId}/indicator/${n}/target/${fiscalYear}`,
  fiscalYear: (fiscalYear: number) => `fiscal-year/${fiscalYear}`,
  revision: (date: string) => `revision/${date}`,
  revisionEntry: (date: string, n: number, projectId?: string) => `revision/${date}/${n}${projectId ? `/${projectId}` : ''}`,
  // The JSON Schema of plan.json, published at this path under the base IRI and in each edition folder.
  planSchema: () => 'schemas/plan.schema.json',
} as const;

/** The absolute IRI of a relative path under `baseIri` (which ends with `/`). */
export function toIri(baseIri: string, path: string): string {
  return `${baseIri}${path}`;
}
