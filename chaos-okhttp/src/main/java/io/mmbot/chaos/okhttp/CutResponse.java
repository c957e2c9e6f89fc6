package io.mmbot.chaos.okhttp;

import java.io.IOException;
import java.net.ProtocolException;
import java.net.SocketException;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * A NET_LOSS cut mid-response as OkHttp meets a real one: the status line and headers arrive (the
 * call returns its {@link Response}), and reading the body gives the first half of the real body's
 * bytes, then {@link ProtocolException} "unexpected end of stream", which is what OkHttp's
 * fixed-length body source raises when the connection closes before {@code Content-Length} bytes
 * came. An answer without a body is cut before its first byte, as a reset: {@link SocketException}
 * "Connection reset" from the call itself.
 */
final class CutResponse {

  private CutResponse() {}

  /** The cut form of the real {@code response}, whose body is read here and closed. */
  static Response of(Response response) throws IOException {
    ResponseBody real = response.body();
    byte[] bytes;
    MediaType type;
    try {
      bytes = real == null ? new byte[0] : real.bytes();
      type = real == null ? null : real.contentType();
    } finally {
      if (real != null) {
        real.close();
      }
    }
    if (bytes.length == 0) {
      throw new SocketException("Connection reset");
    }
    return response.newBuilder().body(new Body(type, bytes)).build();
  }

  /** Half of the bytes, then the end of stream OkHttp reports for a short fixed-length body. */
  private static final class Body extends ResponseBody {
    private final MediaType type;
    private final long length;
    private final BufferedSource source;

    Body(MediaType type, byte[] bytes) {
      this.type = type;
      this.length = bytes.length;
      Buffer half = new Buffer().write(bytes, 0, bytes.length / 2);
      this.source =
          Okio.buffer(
              new ForwardingSource(half) {
                @Override
                public long read(Buffer sink, long byteCount) throws IOException {
                  long n = super.read(sink, byteCount);
                  if (n == -1) {
                    throw new ProtocolException("unexpected end of stream");
                  }
                  return n;
                }
              });
    }

    @Override
    public MediaType contentType() {
      return type;
    }

    @Override
    public long contentLength() {
      return length;
    }

    @Override
    public BufferedSource source() {
      return source;
    }
  }
}
