# syntax=docker/dockerfile:1
# The edi-gateway image. `serve` by default (API, console, workers, schedulers); `worker` for more
# worker processes on the same PostgreSQL and Redis; any other command (`keys create`, `transmissions
# list` ...) with `docker compose run --rm gateway <command>`. Configured only through environment
# variables; see README.md, "Running in containers". test/integration/gateway/image-start.test.ts
# reproduces the runtime stage below outside a container: change both together.

# An LTS line; the build and the runtime use the same one.
ARG NODE_VERSION=24

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` would build before the sources are copied, and no package's own
# install script is needed to compile (the optional native ssh2 and cpu-features bindings only
# speed SFTP up, and msgpackr's comes prebuilt).
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts/copy-assets.mjs scripts/build-validators.mjs ./scripts/
COPY src ./src
RUN npm run build

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts keeps `prepare` (the build, whose tools are dev dependencies) from running. The
# runtime dependencies need no install script: libsql's and msgpackr's native parts are prebuilt
# packages, and ssh2 falls back to Node's own crypto without its optional binding.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY bin ./bin
COPY mappings ./mappings
# The code stays root's and read-only to the gateway; it writes only to the data volume.
RUN mkdir -p /app/data /app/partners && chown node:node /app/data
ENV PORT=8080 HOST=0.0.0.0 PARTNERS_DIR=/app/partners MAPPINGS_DIR=/app/mappings DATA_DIR=/app/data
USER node
EXPOSE 8080
# The embedded database (when DATABASE_URL is unset) and folder partners' inboxes, outboxes and
# archives (the demo partners' data/folders/...). partners/ is mounted read-only by whoever runs it.
VOLUME ["/app/data"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "/app/bin/healthcheck.js"]
ENTRYPOINT ["node", "/app/bin/edi-gateway.js"]
CMD ["serve"]
