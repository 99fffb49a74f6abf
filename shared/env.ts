/** Reading the environment once, at cold start, failing fast with the variable's name. */

export class MissingEnvError extends Error {
  override readonly name = 'MissingEnvError';
}

export function requireEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value.trim() === '') {
    throw new MissingEnvError(`environment variable ${name} is not set`);
  }
  return value.trim();
}

export function optionalEnv(name: string, fallback: string): string {
  const value = process.env[name];
  return value === undefined || value.trim() === '' ? fallback : value.trim();
}
