# One image for the three services; compose.yaml runs each with its own command. Without one, the
# container runs `npm start`'s launcher: all three services and the demo, as on a laptop.
# Build: docker build -t volunteer-passport .

FROM node:20-bookworm-slim AS dependencies
WORKDIR /app
# better-sqlite3 builds its native module from source when no prebuilt binary fits the platform.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# Development dependencies included: the services run their TypeScript through tsx.
RUN npm ci --no-audit --no-fund

FROM node:20-bookworm-slim
WORKDIR /app
COPY --from=dependencies /app/node_modules ./node_modules
COPY . .
# The services keep their SQLite files (when no DATABASE_URL is given) and generated secrets in
# DATA_DIR, owned by the unprivileged user they run as.
ENV DATA_DIR=/data
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 4100 4200 4300
CMD ["node", "--import", "tsx", "scripts/start.ts"]
