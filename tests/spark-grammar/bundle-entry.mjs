// Entry point for the esbuild bundle: re-export only the Spark SQL parser.
export { SparkSQL } from 'dt-sql-parser';
