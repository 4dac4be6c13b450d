/**
 * exceljs's workbook class by its own module: the package's main module also loads its streaming
 * reader and writer (unzipper, archiver and their dependencies), twice the code to load for nothing
 * the pipeline calls (exceljs is pinned, so the path stays where it is).
 */
declare module 'exceljs/lib/doc/workbook.js' {
  import type { Workbook } from 'exceljs';
  /** The `Workbook` class exported by `exceljs`. */
  const WorkbookClass: typeof Workbook;
  export default WorkbookClass;
}
