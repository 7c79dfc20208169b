export * from './read-csv-rows.ts';
export * from './parse-glossary-csv.ts';
export * from './write-glossary-csv.ts';
export * from './find-glossary-hits.ts';
export * from './speaker-terms.ts';
