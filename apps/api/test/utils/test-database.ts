import { Client } from 'pg';

/** Admin URL of the server that hosts the test databases (the `postgres` maintenance DB). */
export const adminUrl = (databaseUrl: string): string => {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  return url.toString();
};

export const databaseName = (databaseUrl: string): string => new URL(databaseUrl).pathname.slice(1);

export const recreateDatabase = async (databaseUrl: string): Promise<void> => {
  const client = new Client({ connectionString: adminUrl(databaseUrl) });
  await client.connect();
  try {
    const name = databaseName(databaseUrl);
    if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Refusing odd database name ${name}`);
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
};

export const dropDatabase = async (databaseUrl: string): Promise<void> => {
  const client = new Client({ connectionString: adminUrl(databaseUrl) });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${databaseName(databaseUrl)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
};
