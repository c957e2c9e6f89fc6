// A minimal market maker on ccxt's binance class, for the mm-chaos suite's --bot-cmd:
//   node bot.mjs --rest-url {rest_url} --api-key {api_key} --api-secret {api_secret}
//                --metrics-port {metrics_port} [--ws-url {ws_url}] [--run-dir {run_dir}]
// Every 500 ms it reads the book, keeps one bid and one ask 20 USDT either side of the mid and
// replaces a quote once the mid has moved more than 4 USDT. It is naive on purpose: no backoff, no
// Retry-After, no reconcile, no guards; an order whose answer did not come back is forgotten.
// It serves Prometheus text (format 0.0.4) at http://127.0.0.1:{metrics_port}/metrics and exits
// on SIGTERM or SIGINT after trying, for at most a second, to cancel its open orders.
import ccxt from 'ccxt';
import http from 'node:http';

const TICK_MS = 500;
const DEADLINE_MS = 210;
const HALF_SPREAD = 20;
const REQUOTE = 4;
const AMOUNT = 0.001;
const SYMBOL = 'BTC/USDT';
const BUCKETS = [25, 50, 100, 150, 200, DEADLINE_MS, 250, 300, 500, 1000, 2500, 5000];
const GUARDS = ['WS_STALE', 'CLOCK_SKEW', 'RATE_LIMITED', 'EXCHANGE_ERRORS', 'RECONCILE_PENDING',
  'DNS_FALLBACK'];

function parseArgs(argv) {
  const known = new Set(['--rest-url', '--ws-url', '--api-key', '--api-secret', '--metrics-port',
    '--run-dir']);
  const out = {};
  for (let i = 0; i < argv.length; i += 2) {
    if (!known.has(argv[i]) || i + 1 >= argv.length) {
      throw new Error(`unknown argument or missing value: ${argv[i]}`);
    }
    out[argv[i].slice(2)] = argv[i + 1];
  }
  for (const required of ['rest-url', 'api-key', 'api-secret', 'metrics-port']) {
    if (!out[required]) {
      throw new Error(`--${required} is required`);
    }
  }
  return out;
}

let args;
try {
  args = parseArgs(process.argv.slice(2));
} catch (e) {
  console.error(`ccxt-bot: ${e.message}`);
  process.exit(2);
}

// The metrics, written by hand in the Prometheus text format.
const tick = { buckets: BUCKETS.map(() => 0), count: 0, sum: 0 };
let deadlineMisses = 0;
const errors = {};

function recordTick(ms, missed) {
  BUCKETS.forEach((le, i) => {
    if (ms <= le) {
      tick.buckets[i] += 1;
    }
  });
  tick.count += 1;
  tick.sum += ms;
  if (missed) {
    deadlineMisses += 1;
  }
}

function exposition() {
  const lines = [];
  lines.push('# HELP mm_tick_total_ms Duration of one bot tick, in ms');
  lines.push('# TYPE mm_tick_total_ms histogram');
  BUCKETS.forEach((le, i) => lines.push(`mm_tick_total_ms_bucket{le="${le.toFixed(1)}"} ${tick.buckets[i]}`));
  lines.push(`mm_tick_total_ms_bucket{le="+Inf"} ${tick.count}`);
  lines.push(`mm_tick_total_ms_count ${tick.count}`);
  lines.push(`mm_tick_total_ms_sum ${tick.sum}`);
  lines.push('# HELP mm_tick_deadline_miss_total Ticks that missed their deadline');
  lines.push('# TYPE mm_tick_deadline_miss_total counter');
  lines.push(`mm_tick_deadline_miss_total ${deadlineMisses}`);
  lines.push('# HELP mm_reconnect_attempts_total Reconnect attempts by the bot');
  lines.push('# TYPE mm_reconnect_attempts_total counter');
  lines.push('mm_reconnect_attempts_total{kind="ws"} 0');
  lines.push('mm_reconnect_attempts_total{kind="rest"} 0');
  lines.push('# HELP mm_bot_guard_active 1 while the guard for this reason pauses quoting (never: this bot has no guards)');
  lines.push('# TYPE mm_bot_guard_active gauge');
  GUARDS.forEach((g) => lines.push(`mm_bot_guard_active{reason="${g}"} 0`));
  lines.push('# HELP mm_bot_guards_raised_total Times the guard for this reason was raised');
  lines.push('# TYPE mm_bot_guards_raised_total counter');
  GUARDS.forEach((g) => lines.push(`mm_bot_guards_raised_total{reason="${g}"} 0`));
  lines.push('# HELP mm_ccxt_bot_errors_total Calls that failed, by ccxt error class');
  lines.push('# TYPE mm_ccxt_bot_errors_total counter');
  Object.entries(errors).forEach(([k, v]) => lines.push(`mm_ccxt_bot_errors_total{class="${k}"} ${v}`));
  return lines.join('\n') + '\n';
}

const exchange = new ccxt.binance({
  apiKey: args['api-key'],
  secret: args['api-secret'],
  enableRateLimit: false,
  timeout: 3000,
  options: {
    fetchMarkets: { types: ['spot'] },
    fetchCurrencies: false,
    fetchMargins: false,
    adjustForTimeDifference: false,
  },
});
exchange.urls.api.public = args['rest-url'] + '/api/v3';
exchange.urls.api.private = args['rest-url'] + '/api/v3';

const quotes = { buy: null, sell: null }; // {id, price} of the bot's live quote per side
let running = true;
let loopDone = null;
let nextId = 0;

function failed(e) {
  const name = (e && e.constructor && e.constructor.name) || 'Error';
  errors[name] = (errors[name] || 0) + 1;
}

async function quoteSide(side, target) {
  const q = quotes[side];
  if (q && Math.abs(q.price - target) <= REQUOTE) {
    return;
  }
  if (q) {
    quotes[side] = null; // forgotten whatever the answer: naive
    await exchange.cancelOrder(q.id, SYMBOL);
    return;
  }
  nextId += 1;
  const order = await exchange.createOrder(SYMBOL, 'limit', side, AMOUNT, target,
    { newClientOrderId: `js${process.pid}-${nextId}` });
  quotes[side] = { id: order.id, price: target };
}

async function tickOnce() {
  const book = await exchange.fetchOrderBook(SYMBOL, 5);
  const mid = (book.bids[0][0] + book.asks[0][0]) / 2;
  for (const [side, target] of [['buy', mid - HALF_SPREAD], ['sell', mid + HALF_SPREAD]]) {
    try {
      await quoteSide(side, Math.round(target * 100) / 100);
    } catch (e) {
      failed(e);
    }
  }
}

async function loop() {
  while (running) {
    const start = Date.now();
    try {
      await tickOnce();
    } catch (e) {
      failed(e);
    }
    const took = Date.now() - start;
    recordTick(took, took > DEADLINE_MS);
    const wait = Math.max(0, TICK_MS - took);
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

const server = http.createServer((req, res) => {
  if (req.url !== '/metrics') {
    res.writeHead(404).end();
  } else if (req.method !== 'GET') {
    res.writeHead(405).end();
  } else {
    res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' });
    res.end(exposition());
  }
});

async function stop(signal) {
  if (!running) {
    return;
  }
  running = false;
  await Promise.race([loopDone, new Promise((r) => setTimeout(r, 1000))]);
  try {
    await Promise.race([exchange.cancelAllOrders(SYMBOL), new Promise((r) => setTimeout(r, 1000))]);
  } catch (e) {
    failed(e);
  }
  server.close();
  console.error(`ccxt-bot: stopped on ${signal}`);
  process.exit(0);
}

process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));

try {
  await exchange.loadMarkets();
} catch (e) {
  console.error(`ccxt-bot: cannot load the markets from ${args['rest-url']}: ${e.message}`);
  process.exit(1);
}
server.listen(Number(args['metrics-port']), '127.0.0.1', () => {
  console.log(`ccxt-bot: ready, metrics on http://127.0.0.1:${server.address().port}/metrics`);
  loopDone = loop();
});
