# syntax=docker/dockerfile:1
# Study Room API: one image, both roles (ROLE=api|worker|all). Node 24 runs the TypeScript sources
# directly (type stripping), so there is no build stage, only production dependencies.

FROM node:24-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# --omit=dev also drops the `node` devDependency: the image's own Node 24 runs the app.
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev --no-audit --no-fund

FROM node:24-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000 \
    ROLE=all \
    DATA_DIR=/var/lib/studyroom
WORKDIR /app
RUN groupadd --system --gid 10001 studyroom \
 && useradd --system --uid 10001 --gid studyroom --home-dir /var/lib/studyroom --no-create-home \
      --shell /usr/sbin/nologin studyroom \
 && mkdir -p /var/lib/studyroom \
 && chown studyroom:studyroom /var/lib/studyroom
# Application files stay root-owned (read-only for the app user); see .dockerignore for what is sent.
COPY --from=deps /app/node_modules ./node_modules
COPY . .
USER 10001:10001
VOLUME ["/var/lib/studyroom"]
EXPOSE 4000
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
STOPSIGNAL SIGTERM
CMD ["node", "src/main.ts"]
