package io.github.scrm.core.internal;

import java.util.Arrays;
import java.util.List;

/**
 * Where a log's encoded events live: pages of up to {@value #PAGE_SIZE} bytes that every customer's appends fill
 * front to back. An append therefore copies only the new event, never the customer's history; and a million
 * customers' events are a few thousand large arrays rather than a million small ones that a young collection would
 * copy again after every growth. An entry larger than a quarter of the largest page gets a page of its own.
 *
 * <p>An address is a page number and an offset in one long, below 2<sup>40</sup>, so that an entry names another in
 * {@value #ADDRESS_BYTES} bytes. Space is handed out under this object's lock and never handed back: the bytes of an
 * event taken out of its stream are zeroed, not reused. A reserved range is written and read under the lock of the
 * stream that reserved it, which also makes the page, published through a volatile field, visible to its readers.
 */
final class EventArena {

  static final int PAGE_BITS = 18;
  static final int PAGE_SIZE = 1 << PAGE_BITS;
  /** The first page's size: pages double up to {@link #PAGE_SIZE}, so that a log with a few events stays small. */
  static final int FIRST_PAGE_SIZE = 4096;
  static final int ADDRESS_BYTES = 5;
  /** The address of no entry: the end of a chain. */
  static final long NONE = (1L << (8 * ADDRESS_BYTES)) - 1;
  private static final int MAX_PAGES = (int) (NONE >>> PAGE_BITS);

  private volatile byte[][] pages = new byte[16][];
  private int count;
  private int filling = -1;
  private int fillingSize;
  private int position;

  /** Reserves {@code length} consecutive bytes; returns their address. */
  synchronized long reserve(int length) {
    if (length > PAGE_SIZE / 4) {
      return address(add(new byte[length]), 0);
    }
    if (length > fillingSize - position) {
      int size = filling < 0 ? FIRST_PAGE_SIZE : Math.min(PAGE_SIZE, fillingSize * 2);
      while (size < length) {
        size *= 2;
      }
      filling = add(new byte[size]);
      fillingSize = size;
      position = 0;
    }
    long address = address(filling, position);
    position += length;
    return address;
  }

  /** The page that holds {@code address}. */
  byte[] page(long address) {
    return pages[(int) (address >>> PAGE_BITS)];
  }

  /** Where in its page {@code address} is. */
  static int offset(long address) {
    return (int) address & (PAGE_SIZE - 1);
  }

  /** Reads the address written at {@code position} by {@link #writeAddress}. */
  static long readAddress(byte[] page, int position) {
    long value = 0;
    for (int i = 0; i < ADDRESS_BYTES; i++) {
      value |= (long) (page[position + i] & 0xFF) << (8 * i);
    }
    return value;
  }

  static void writeAddress(byte[] page, int position, long address) {
    for (int i = 0; i < ADDRESS_BYTES; i++) {
      page[position + i] = (byte) (address >>> (8 * i));
    }
  }

  /** The pages handed out so far (for tests and diagnostics). */
  synchronized List<byte[]> pages() {
    return List.of(Arrays.copyOf(pages, count));
  }

  private static long address(int page, int offset) {
    return (long) page << PAGE_BITS | offset;
  }

  private int add(byte[] page) {
    if (count == MAX_PAGES) {
      throw new IllegalStateException("the in-memory event log holds at most " + MAX_PAGES + " pages of events");
    }
    byte[][] current = pages;
    if (count == current.length) {
      current = Arrays.copyOf(current, count * 2);
    }
    current[count] = page;
    pages = current;
    return count++;
  }

  /** Sizes only. */
  @Override
  public synchronized String toString() {
    return "EventArena[" + count + " pages]";
  }
}
