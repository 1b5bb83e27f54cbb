# syntax=docker/dockerfile:1
# One image for both roles: ROLE=web | worker | all (default). Needs DATABASE_URL in production.

FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY prisma ./prisma
# postinstall runs prisma generate (offline: see prisma/generate.mjs)
RUN npm ci --no-fund --no-audit
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev --no-fund --no-audit

FROM node:24-bookworm-slim AS runtime
# Inside a container the port must be reachable from outside it; elsewhere HOST defaults to 127.0.0.1.
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0
WORKDIR /app
# The weekly digest's chart is drawn by resvg, which writes text only with fonts it finds on the
# machine: the slim image has none. DejaVu covers Latin, Greek and Cyrillic.
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core && rm -rf /var/lib/apt/lists/*
# The official image ships an unprivileged `node` user (uid 1000); the app runs as it.
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY --from=build --chown=root:root /app/prisma ./prisma
COPY --chown=root:root package.json ./
USER node
EXPOSE 3000
# Both roles serve /healthz (a worker serves only health and metrics).
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
STOPSIGNAL SIGTERM
# Source maps are switched on by main.js itself, for our own code only (see src/own-source-maps.ts).
CMD ["node", "dist/main.js"]
