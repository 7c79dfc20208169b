import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { Prisma } from './prisma.ts';
import { readPrismaSchema, type DeclaredColumn } from './read-prisma-schema.ts';

/** What information_schema should say for a declared column. */
function expectedUdt(column: DeclaredColumn): string {
  if (column.isEnum) return column.type;
  if (column.nativeType === 'Uuid') return 'uuid';
  if (column.nativeType === 'Timestamptz') return 'timestamptz';
  const byScalar: Record<string, string> = {
    String: 'text', Int: 'int4', BigInt: 'int8', Boolean: 'bool', DateTime: 'timestamp', Float: 'float8', Decimal: 'numeric', Json: 'jsonb', Bytes: 'bytea',
  };
  return byScalar[column.type]!;
}

describe('schema.prisma and prisma/migrations', () => {
  let db: TestDatabase;
  let client: pg.Client;
  beforeAll(async () => {
    db = await createTestDatabase();
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await db.drop();
  });

  it('build the same tables, columns, types and nullability', async () => {
    const { models } = await readPrismaSchema();
    const { rows } = await client.query<{ table_name: string; column_name: string; udt_name: string; is_nullable: string }>(
      `SELECT table_name, column_name, udt_name, is_nullable FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY table_name, column_name`,
    );
    const actual = rows.map((row) => `${row.table_name}.${row.column_name} ${row.udt_name}${row.is_nullable === 'YES' ? '?' : ''}`);
    const declared = models
      .flatMap((model) => model.columns.map((column) => `${model.table}.${column.column} ${expectedUdt(column)}${column.isNullable ? '?' : ''}`))
      .sort();
    expect(actual.sort()).toEqual(declared);
  });

  it('define the same enums with the same values', async () => {
    const { enums } = await readPrismaSchema();
    const { rows } = await client.query<{ name: string; value: string }>(
      `SELECT t.typname AS name, e.enumlabel AS value FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid ORDER BY t.typname, e.enumsortorder`,
    );
    const actual = new Map<string, string[]>();
    for (const row of rows) actual.set(row.name, [...(actual.get(row.name) ?? []), row.value]);
    expect(actual).toEqual(enums);
  });

  it('match the generated client (regenerate after editing schema.prisma)', async () => {
    const { models } = await readPrismaSchema();
    const generated = Object.values(Prisma.ModelName).sort();
    expect(generated).toEqual(models.map((model) => model.model).sort());
  });
});
