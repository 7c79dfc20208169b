# Verity, production image. docker-compose.yml runs it next to PostgreSQL 17.
FROM node:20-bookworm-slim

WORKDIR /app
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    npm_config_update_notifier=false

# Dependencies first, so code changes do not reinstall them.
COPY package.json package-lock.json ./
COPY common/package.json common/
COPY server/package.json server/
COPY client/package.json client/
COPY e2e/package.json e2e/
COPY scripts/prisma-generate.mjs scripts/
COPY prisma prisma/
COPY prisma.config.ts ./
RUN npm ci --no-audit --no-fund

COPY . .
RUN npm run build

EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"

# The same start command as the README's: builds the client if needed, migrates, serves.
CMD ["npm", "start"]
