// ccxt's binance class, unmodified, against the mm-chaos stand-in exchange. Run by CcxtTest:
//   node ccxt-check.mjs <restBase> <apiKey> <secret> operations|place
// "operations" creates, fetches and cancels an order and reads the book, printing one line per
// step; "place" tries one order and prints the ccxt error classes it ends in (or OK).
import ccxt from 'ccxt';

const [base, apiKey, secret, mode] = process.argv.slice(2);
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

try {
  await exchange.loadMarkets();
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
  } else {
    await exchange.createOrder('BTC/USDT', 'limit', 'buy', 0.01, 20000);
    console.log('OK');
  }
} catch (e) {
  console.log('ERROR ' + describe(e) + ' :: ' + String(e.message).slice(0, 200));
}
