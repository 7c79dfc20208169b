import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** prisma/schema.prisma: the declared data model. */
export const schemaPath = fileURLToPath(new URL('../../../prisma/schema.prisma', import.meta.url));

/** A column as schema.prisma declares it, in database terms. */
export interface DeclaredColumn {
  column: string;
  /** Prisma scalar or enum name. */
  type: string;
  /** The native type from @db.X when given (e.g. "Uuid", "Timestamptz"). */
  nativeType: string | null;
  isNullable: boolean;
  isEnum: boolean;
}

export interface DeclaredModel {
  model: string;
  table: string;
  columns: DeclaredColumn[];
}

const scalarTypes = new Set(['String', 'Int', 'BigInt', 'Boolean', 'DateTime', 'Float', 'Decimal', 'Json', 'Bytes']);

/**
 * Reads the subset of the Prisma schema language this project uses (models, scalar and enum fields,
 * @map, @@map, @db.*, enums) so a test can compare it with what the migrations build.
 */
export async function readPrismaSchema(file = schemaPath): Promise<{ models: DeclaredModel[]; enums: Map<string, string[]> }> {
  const text = (await readFile(file, 'utf8')).replace(/\/\/.*$/gm, '');
  const enums = new Map<string, string[]>();
  for (const match of text.matchAll(/enum\s+(\w+)\s*\{([^}]*)\}/g)) {
    enums.set(match[1]!, match[2]!.split(/\s+/).filter((value) => value && !value.startsWith('@')));
  }
  const models: DeclaredModel[] = [];
  for (const match of text.matchAll(/model\s+(\w+)\s*\{([^}]*)\}/g)) {
    const model = match[1]!;
    const body = match[2]!;
    const table = /@@map\("([^"]+)"\)/.exec(body)?.[1] ?? model;
    const columns: DeclaredColumn[] = [];
    for (const line of body.split('\n').map((l) => l.trim())) {
      const field = /^(\w+)\s+(\w+)(\[\])?(\?)?(.*)$/.exec(line);
      if (!field || line.startsWith('@@')) continue;
      const [, name, type, isList, optional, attributes] = field;
      const isEnum = enums.has(type!);
      if (isList || (!scalarTypes.has(type!) && !isEnum)) continue; // relation fields have no column
      columns.push({
        column: /@map\("([^"]+)"\)/.exec(attributes!)?.[1] ?? name!,
        type: type!,
        nativeType: /@db\.(\w+)/.exec(attributes!)?.[1] ?? null,
        isNullable: optional === '?',
        isEnum,
      });
    }
    models.push({ model, table, columns });
  }
  return { models, enums };
}
