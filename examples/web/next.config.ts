import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // This app has its own lockfile inside the API's repository: its root is here, not the repository's.
  turbopack: { root: import.meta.dirname },
};

export default nextConfig;
