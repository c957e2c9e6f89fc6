// ccxt's binance class, unmodified, against the mm-chaos stand-in exchange. Run by CcxtTest:
//   node ccxt-check.mjs <restBase> <apiKey> <secret> operations|place|storm
// "operations" creates, fetches and cancels an order and reads the book, printing one line per
// step; "place" tries one order and prints the ccxt error classes it ends in (or OK); "storm"
// asks for the server time four times in a row without waiting, one line per answer. With the
// prefix "armed-" it prints "ready" once the markets are loaded and waits for a line on stdin
// before it goes on, so that the faults can be switched on for the trading calls only.
import ccxt from 'ccxt';
import readline from 'node:readline';

const [base, apiKey, secret, modeArg] = process.argv.slice(2);
const armed = modeArg.startsWith('armed-');
const mode = armed ? modeArg.slice('armed-'.length) : modeArg;
const exchange = new ccxt.binance({
  apiKey,
  secret,
  enableRateLimit: false,
  timeout: 3000,
  options: {
    fetchMarkets: { types: ['spot'] },
    fetchCurrencies: false,
    fetchMargins: false,
    adjustForTimeDifference: false,
  },
});
exchange.urls.api.public = base + '/api/v3';
exchange.urls.api.private = base + '/api/v3';

const errorClasses = ['DDoSProtection', 'RateLimitExceeded', 'RequestTimeout',
  'ExchangeNotAvailable', 'InvalidNonce', 'NetworkError', 'OperationFailed', 'ExchangeError'];

function describe(e) {
  return errorClasses.filter((name) => e instanceof ccxt[name]).join(' ');
}

async function firstLineOfStdin() {
  const lines = readline.createInterface({ input: process.stdin });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return null;
}

try {
  await exchange.loadMarkets();
  if (armed) {
    // the caller switches the faults on once the markets are loaded, then says go
    console.log('ready');
    await firstLineOfStdin();
  }
  if (mode === 'operations') {
    const placed = await exchange.createOrder('BTC/USDT', 'limit', 'buy', 0.01, 20000,
      { newClientOrderId: 'ccxt1' });
    console.log('created ' + placed.id + ' ' + placed.status);
    const fetched = await exchange.fetchOrder(placed.id, 'BTC/USDT');
    console.log('fetched ' + fetched.id + ' ' + fetched.status + ' ' + fetched.price + ' ' + fetched.amount);
    const open = await exchange.fetchOpenOrders('BTC/USDT');
    console.log('open ' + open.length);
    const cancelled = await exchange.cancelOrder(placed.id, 'BTC/USDT');
    console.log('cancelled ' + cancelled.id + ' ' + cancelled.status);
    const book = await exchange.fetchOrderBook('BTC/USDT', 5);
    console.log('book ' + book.bids.length + ' ' + (book.asks[0][0] > book.bids[0][0]));
  } else if (mode === 'storm') {
    // a caller that does not back off: four tries in a row, one line each
    for (let i = 0; i < 4; i++) {
      try {
        await exchange.fetchTime();
        console.log('OK');
      } catch (e) {
        console.log('ERROR ' + describe(e) + ' :: ' + String(e.message).slice(0, 120));
      }
    }
  } else {
    await exchange.createOrder('BTC/USDT', 'limit', 'buy', 0.01, 20000);
    console.log('OK');
  }
} catch (e) {
  console.log('ERROR ' + describe(e) + ' :: ' + String(e.message).slice(0, 200));
}
