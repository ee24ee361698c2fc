# syntax=docker/dockerfile:1

# Dependencies and sources, with dev tools: the API, the worker, the CLI and the web console (dist/web) are built here.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# The test service: the build plus Debian's Chromium for the web console's browser tests.
FROM build AS test
RUN apt-get update && apt-get install -y --no-install-recommends chromium && rm -rf /var/lib/apt/lists/*

# Production dependencies only.
FROM node:20-bookworm-slim AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

# The runtime image for the API (which serves the web console), the worker and the one-shot CLI (migrate, seed).
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
# The same heap limit as `npm run start:api` / `start:worker`: without it V8 lets the API grow past 300 MB under load.
ENV NODE_OPTIONS="--max-old-space-size=256"
WORKDIR /app
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
