import { randomUUID } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from '@prisma/driver-adapter-utils';
import * as engineGlue from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm';
import pg, { type PoolConfig } from 'pg';
import { poolConfigFromUrl } from './database-url.js';

// Prisma's native migration engine cannot be downloaded here (nor in many locked-down
// deployments), so we drive Prisma's own WASM build of it. Node 22 cannot `import` a
// .wasm file, so we instantiate it by hand and hand it to the wasm-bindgen glue.
// It records applied migrations in `_prisma_migrations` exactly as `prisma migrate
// deploy` does, so both stay interchangeable.

const prismaDir = fileURLToPath(new URL('../../prisma/', import.meta.url));
export const defaultPaths = {
  schema: path.join(prismaDir, 'schema.prisma'),
  migrations: path.join(prismaDir, 'migrations'),
};

type WasmApi = {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, unknown>,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
};

let wasmReady: Promise<void> | undefined;

// The glue reports Rust panics through this global (Prisma's CLI installs it); without it
// a panic surfaces as "Cannot read properties of undefined (reading 'set_message')".
let lastPanic: string | undefined;
(globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY ??= {
  set_message: (message: string) => {
    lastPanic = message;
  },
};

function loadEngineWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const require = createRequire(import.meta.url);
    const gluePath = require.resolve('@prisma/schema-engine-wasm');
    const bytes = await readFile(path.join(path.dirname(gluePath), 'schema_engine_bg.wasm'));
    // TypeScript's Node lib has no WebAssembly typings (they live in lib.dom); the runtime has it.
    const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
    const { instance } = await wasm.instantiate(bytes, { './schema_engine_bg.js': engineGlue });
    engineGlue.__wbg_set_wasm(instance.exports as never);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return wasmReady;
}

/**
 * PrismaPg's executeScript splits a migration on every ";" and runs the pieces one by one,
 * which breaks any function body (dollar-quoted plpgsql) and runs a migration outside a
 * transaction. The native engine sends the whole script in one simple-protocol query,
 * which Postgres runs as one implicit transaction; we restore that behaviour.
 */
class WholeScriptPg extends PrismaPg {
  /** Adapters handed to the engine; it does not close them, and an open pool would keep
   *  the database busy (tests clone it as a template right after migrating). */
  readonly opened: ScriptAdapter[] = [];

  constructor(private readonly poolConfig: PoolConfig) {
    super(poolConfig);
  }

  override async connect() {
    const adapter = wholeScript(await super.connect());
    this.opened.push(adapter);
    return adapter;
  }

  async closeAll(): Promise<void> {
    await Promise.allSettled(this.opened.splice(0).map((a) => a.dispose()));
  }

  /**
   * PrismaPg's own version drops the shadow database before closing the pool that is
   * connected to it (Postgres refuses: "being accessed by other users") and leaves that
   * pool without an error listener. Here the pool closes first, then the database goes.
   */
  override async connectToShadowDb() {
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    const admin = new pg.Client(this.poolConfig);
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${database}"`);
    } finally {
      await admin.end();
    }
    const adapter = await new WholeScriptPg({ ...this.poolConfig, database }).connect();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      const dropper = new pg.Client(this.poolConfig);
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS "${database}"`);
      } finally {
        await dropper.end();
      }
    };
    return adapter;
  }
}

type ScriptAdapter = Awaited<ReturnType<PrismaPg['connect']>>;

type PgResult = { fields: { dataTypeID: number }[] };
type ResultSet = { columnTypes: number[] };

const PG_INTERNAL_CHAR = 18; // the one-byte "char" type of pg_catalog (pg_constraint.contype …)
const PG_TEXT = 25;

function wholeScript<A extends ScriptAdapter>(adapter: A): A {
  const inner = adapter as unknown as {
    client: { query(sql: string): Promise<unknown> };
    onError(err: unknown): never;
    performIO(query: unknown): Promise<PgResult>;
    queryRaw(query: unknown): Promise<ResultSet>;
  };
  // The engine describes a database through catalog queries that return "char" columns
  // (constraint kinds, foreign-key actions) and reads them as Character; PrismaPg has no
  // mapping for that type and fails ("Column type 'char' could not be deserialized").
  // We let PrismaPg read them as text, then label those columns Character.
  const performIO = inner.performIO.bind(adapter);
  const queryRaw = inner.queryRaw.bind(adapter);
  const charColumns = new WeakMap<object, number[]>(); // keyed by the query object both calls share
  inner.performIO = async (query) => {
    const result = await performIO(query);
    const found: number[] = [];
    result.fields.forEach((field, i) => {
      if (field.dataTypeID === PG_INTERNAL_CHAR) {
        field.dataTypeID = PG_TEXT;
        found.push(i);
      }
    });
    if (found.length) charColumns.set(query as object, found);
    return result;
  };
  inner.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const i of charColumns.get(query as object) ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
  adapter.executeScript = async (script: string) => {
    try {
      await inner.client.query(script);
    } catch (err) {
      inner.onError(err);
    }
  };
  return adapter;
}

export type EngineLog = (line: string) => void;

async function withEngine<T>(
  databaseUrl: string,
  schemaPath: string,
  log: EngineLog,
  use: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  await loadEngineWasm();
  const schema = await readFile(schemaPath, 'utf8');
  const factory = new WholeScriptPg(poolConfigFromUrl(databaseUrl));
  const adapter = bindMigrationAwareSqlAdapterFactory(factory);
  const engine = await engineGlue.SchemaEngine.new(
    { datamodels: [[schemaPath, schema]] },
    (line: string) => log(line),
    adapter,
  );
  try {
    return await use(engine);
  } catch (err) {
    if (lastPanic) throw new Error(`Prisma schema engine panicked: ${lastPanic}`, { cause: err });
    throw err;
  } finally {
    lastPanic = undefined;
    engine.free();
    await factory.closeAll();
  }
}

/** Reads prisma/migrations the way the Prisma CLI does. */
export async function readMigrationList(migrationsDir: string): Promise<MigrationList> {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  const dirs = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const lockPath = path.join(migrationsDir, 'migration_lock.toml');
  return {
    baseDir: migrationsDir,
    lockfile: { path: 'migration_lock.toml', content: await readFile(lockPath, 'utf8').catch(() => null) },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      dirs.map(async (dir) => {
        const file = path.join(migrationsDir, dir, 'migration.sql');
        const content = await readFile(file, 'utf8').then(
          (value) => ({ tag: 'ok' as const, value }),
          (err: Error) => ({ tag: 'error' as const, value: err.message }),
        );
        return { path: dir, migrationFile: { path: 'migration.sql', content } };
      }),
    ),
  };
}

const noFilter = { externalTables: [], externalEnums: [] };

/** Applies every migration in prisma/migrations not yet recorded in `_prisma_migrations`. */
export async function applyMigrations(
  databaseUrl: string,
  { paths = defaultPaths, log = () => {} }: { paths?: typeof defaultPaths; log?: EngineLog } = {},
): Promise<string[]> {
  const migrationsList = await readMigrationList(paths.migrations);
  return withEngine(databaseUrl, paths.schema, log, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList, filters: noFilter });
    return out.appliedMigrationNames;
  });
}

/**
 * The SQL that takes a database built from the migrations to the current schema.
 * Replays the migrations into a throwaway shadow database on the same server.
 * Empty when the schema and migrations agree.
 */
export async function diffMigrationsToSchema(
  databaseUrl: string,
  { paths = defaultPaths, log = () => {} }: { paths?: typeof defaultPaths; log?: EngineLog } = {},
): Promise<string> {
  const migrationsList = await readMigrationList(paths.migrations);
  const schema = await readFile(paths.schema, 'utf8');
  return withEngine(databaseUrl, paths.schema, log, async (engine) => {
    const out = await engine.diff({
      // The engine needs migration_lock.toml to know the connector; before the
      // first migration there is neither, and "empty" is the same starting point.
      from: migrationsList.migrationDirectories.length ? { tag: 'migrations', ...migrationsList } : { tag: 'empty' },
      to: { tag: 'schemaDatamodel', files: [{ path: paths.schema, content: schema }] },
      script: true,
      exitCode: null,
      filters: noFilter,
    });
    const sql = withoutRoundTripNoise(out.stdout ?? '', migrationsList);
    return /^\s*(-- This is an empty migration\.)?\s*$/.test(sql) ? '' : sql;
  });
}

/**
 * Prisma cannot read back operator-class parameters (`gist_trgm_ops(siglen=256)`), so a
 * database built from the migrations always looks different from the schema and every diff
 * would drop and re-create that index. When the re-created index is word for word one the
 * migrations already create, the pair is noise and is left out.
 */
function withoutRoundTripNoise(sql: string, migrations: MigrationList): string {
  const applied = migrations.migrationDirectories
    .map((d) => (d.migrationFile.content.tag === 'ok' ? d.migrationFile.content.value : ''))
    .join('\n');
  const blocks = sql.split(/\n(?=-- [A-Z])/);
  const creates = new Map<string, string>();
  for (const b of blocks) {
    const m = /^-- CreateIndex\n(CREATE INDEX "([^"]+)"[^;]*;)/.exec(b.trim());
    if (m && applied.includes(m[1]!)) creates.set(m[2]!, b);
  }
  return blocks
    .filter((b) => {
      const drop = /^-- DropIndex\nDROP INDEX "([^"]+)";/.exec(b.trim());
      if (drop && creates.has(drop[1]!)) return false;
      return ![...creates.values()].includes(b);
    })
    .join('\n');
}
