import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Finding 13: /metrics (every series) and /readyz (failing dependencies with their messages) are for the
// operator. The k8s ingress routed path "/" (Prefix), so both were public there.

const OPERATOR_PATHS = ['/metrics', '/readyz'];
const PUBLIC_PATHS = ['/graphql', '/healthz', '/documents/0b5e5c6c-1111-4111-8111-111111111111/file'];

/** The ingress rules as [path, pathType] pairs (the file is plain YAML; one rule per `- path:` line). */
function ingressRules(): Array<[string, string]> {
  const text = readFileSync('infra/k8s/ingress.yaml', 'utf8');
  return [...text.matchAll(/- path: (\S+)\n\s+pathType: (\S+)/g)].map((match) => [match[1]!, match[2]!]);
}

/** Kubernetes path matching: Exact is equality, Prefix matches whole path elements. */
function routed(path: string, rules: Array<[string, string]>): boolean {
  return rules.some(([rule, type]) => {
    if (type === 'Exact') return path === rule;
    const prefix = rule.replace(/\/$/, '');
    return prefix === '' || path === prefix || path.startsWith(`${prefix}/`);
  });
}

describe('public routes', () => {
  it('the k8s ingress routes the API paths and not /metrics or /readyz', () => {
    const rules = ingressRules();
    expect(rules.length).toBeGreaterThan(0);
    for (const path of PUBLIC_PATHS) expect(routed(path, rules), path).toBe(true);
    for (const path of OPERATOR_PATHS) expect(routed(path, rules), path).toBe(false);
  });

  it('nginx answers /metrics and /readyz to loopback only', () => {
    const text = readFileSync('infra/nginx/snippets/studyroom-proxy.conf', 'utf8');
    for (const path of OPERATOR_PATHS) {
      const block = new RegExp(`location = ${path} \\{([^}]*)\\}`).exec(text)?.[1] ?? '';
      expect(block, path).toMatch(/allow 127\.0\.0\.1;/);
      expect(block, path).toMatch(/deny all;/);
    }
  });
});
