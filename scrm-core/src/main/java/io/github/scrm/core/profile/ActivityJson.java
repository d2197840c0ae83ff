package io.github.scrm.core.profile;

import static io.github.scrm.core.profile.ProfileCodec.array;
import static io.github.scrm.core.profile.ProfileCodec.number;
import static io.github.scrm.core.profile.ProfileCodec.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.scrm.core.event.SocialPlatform;
import io.github.scrm.core.profile.Activity.RefundFact;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Currency;

/**
 * The {@code "activity"} part of {@link ProfileCodec}'s document: the compact facts exactly as {@link Activity} keeps
 * them. Instants are epoch milliseconds; marks are {@code epochMilli << 6 | code} as in {@link Activity}; followers are
 * the flat (epochMilli, count, platform) triples, with {@code "followerAccounts"} beside them: the account of each
 * report (a fingerprint of the platform identifier it named, a rank after an erasure, 0 for none; documents without it
 * read as all 0); influence scores are decimal strings so their scale survives.
 *
 * <p>Mark codes and platforms are numbers derived from enum positions, so format 2 writes their legend beside them:
 * {@code "markCodes"} names every code used (for example {@code "3": "interaction.COMMENT"}) and {@code "platforms"}
 * lists the platform names by number. Reading maps the document's numbers to the running code's through these names,
 * so a reordered or extended enum still reads older documents correctly; format 1 documents, which have no legend,
 * are read with the current numbering. Reading checks the orderings the metrics rely on (orders by time, marks
 * ascending) and that every name in the legend is known.
 */
final class ActivityJson {

  private ActivityJson() {}

  static ObjectNode write(Activity a, ObjectMapper mapper) {
    ObjectNode n = mapper.createObjectNode();
    ArrayNode orders = n.putArray("orders");
    for (OrderFact o : a.orders) {
      ObjectNode on = orders.addObject().put("key", o.orderKey).put("at", o.at).put("paid", o.paid)
          .put("currency", o.currency.getCurrencyCode()).put("discounted", o.discounted).put("coupons", o.coupons)
          .put("channel", o.channel);
      if (o.store != null) {
        on.put("store", o.store);
      }
      ArrayNode lines = on.putArray("lines");
      for (int i = 0; i < o.lineCount(); i++) {
        lines.addObject().put("brand", o.lineBrand[i]).put("category", o.lineCategory[i])
            .put("amount", o.lineAmount(i));
      }
    }
    ArrayNode refunds = n.putArray("refunds");
    for (RefundFact r : a.refunds) {
      refunds.addObject().put("orderKey", r.orderKey()).put("at", r.at()).put("amount", r.amount());
    }
    longs(n.putArray("marks"), a.marks);
    ObjectNode legend = n.putObject("markCodes");
    for (long mark : a.marks) {
      int code = Activity.markCode(mark) & ~Activity.BRAND_POST;
      legend.put(Integer.toString(code), Activity.codeName(code));
    }
    ArrayNode followers = n.putArray("followers");
    ArrayNode accounts = n.putArray("followerAccounts");
    for (int i = 0; i < a.followers.length; i += Activity.FOLLOWER_VALUES) {
      followers.add(Activity.followerAt(a.followers[i])).add(a.followers[i + 2])
          .add(Activity.followerPlatform(a.followers[i]));
      accounts.add(a.followers[i + 1]);
    }
    ArrayNode platforms = n.putArray("platforms");
    for (SocialPlatform platform : SocialPlatform.values()) {
      platforms.add(platform.name());
    }
    ArrayNode topics = n.putArray("topics");
    for (int i = 0; i < a.topics.length; i++) {
      topics.addObject().put("topic", a.topics[i]).put("firstAt", a.topicFirstAt[i]);
    }
    ArrayNode influence = n.putArray("influence");
    for (int i = 0; i < a.influence.length; i++) {
      influence.addObject().put("at", a.influenceAt[i]).put("score", a.influence[i].toString());
    }
    return n;
  }

  static Activity read(JsonNode n) {
    JsonNode orderNodes = array(n, "orders");
    OrderFact[] orders = new OrderFact[orderNodes.size()];
    for (int i = 0; i < orders.length; i++) {
      orders[i] = order(orderNodes.get(i));
    }
    JsonNode refundNodes = array(n, "refunds");
    RefundFact[] refunds = new RefundFact[refundNodes.size()];
    for (int i = 0; i < refunds.length; i++) {
      JsonNode r = refundNodes.get(i);
      refunds[i] = new RefundFact(number(r, "orderKey", "activity.refunds.orderKey"),
          number(r, "at", "activity.refunds.at"), number(r, "amount", "activity.refunds.amount"));
    }
    for (int i = 1; i < orders.length; i++) {
      if (orders[i].at < orders[i - 1].at) {
        throw new IllegalArgumentException("activity.orders: must be sorted by at, but order " + i + " at "
            + orders[i].at + " follows " + orders[i - 1].at);
      }
    }
    long[] marks = longs(array(n, "marks"), "activity.marks");
    for (int i = 1; i < marks.length; i++) {
      if (marks[i] < marks[i - 1]) {
        throw new IllegalArgumentException("activity.marks: must be ascending, but mark " + i + " is " + marks[i]
            + " after " + marks[i - 1]);
      }
    }
    if (n.has("markCodes")) {
      marks = recoded(marks, n.get("markCodes"));
    }
    long[] followers = longs(array(n, "followers"), "activity.followers");
    if (followers.length % 3 != 0) {
      throw new IllegalArgumentException("activity.followers: must hold triples, but had " + followers.length
          + " numbers");
    }
    if (n.has("platforms")) {
      replatformed(followers, array(n, "platforms"));
    }
    // documents written before accounts were kept have none: each report is then of its platform's unnamed account
    long[] accounts = n.has("followerAccounts")
        ? longs(array(n, "followerAccounts"), "activity.followerAccounts")
        : new long[followers.length / 3];
    if (accounts.length != followers.length / 3) {
      throw new IllegalArgumentException("activity.followerAccounts: must hold one account per follower triple ("
          + followers.length / 3 + "), but had " + accounts.length);
    }
    long[] reports = new long[followers.length / 3 * Activity.FOLLOWER_VALUES];
    for (int i = 0; i < followers.length; i += 3) {
      if (followers[i + 2] < 0 || followers[i + 2] >= SocialPlatform.values().length) {
        throw new IllegalArgumentException("activity.followers: platform " + followers[i + 2] + " of triple " + i / 3
            + " is not a platform number");
      }
      int r = i / 3 * Activity.FOLLOWER_VALUES;
      reports[r] = Activity.followerKey(followers[i], (int) followers[i + 2]);
      reports[r + 1] = accounts[i / 3];
      reports[r + 2] = followers[i + 1];
    }
    JsonNode topicNodes = array(n, "topics");
    String[] topics = new String[topicNodes.size()];
    long[] topicFirstAt = new long[topics.length];
    for (int i = 0; i < topics.length; i++) {
      JsonNode t = topicNodes.get(i);
      topics[i] = OrderFact.NAMES.intern(text(t, "topic", "activity.topics.topic"));
      topicFirstAt[i] = number(t, "firstAt", "activity.topics.firstAt");
    }
    JsonNode influenceNodes = array(n, "influence");
    long[] influenceAt = new long[influenceNodes.size()];
    BigDecimal[] influence = new BigDecimal[influenceAt.length];
    for (int i = 0; i < influenceAt.length; i++) {
      JsonNode s = influenceNodes.get(i);
      influenceAt[i] = number(s, "at", "activity.influence.at");
      String score = text(s, "score", "activity.influence.score");
      try {
        influence[i] = new BigDecimal(score);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("activity.influence.score: must be a decimal, but was " + score, e);
      }
    }
    return Activity.restore(orders, refunds, marks, reports, topics, topicFirstAt, influenceAt, influence);
  }

  /** The marks with the document's codes replaced by the running code's, re-sorted. */
  private static long[] recoded(long[] marks, JsonNode legend) {
    if (!legend.isObject()) {
      throw new IllegalArgumentException("activity.markCodes: must be an object of code names, but was " + legend);
    }
    int[] codes = new int[Activity.BRAND_POST];
    Arrays.fill(codes, -1);
    legend.fields().forEachRemaining(e -> {
      int from = parseCode(e.getKey());
      int to = Activity.codeNamed(e.getValue().asText());
      if (to < 0) {
        throw new IllegalArgumentException(
            "activity.markCodes." + e.getKey() + ": must name a known mark, but was " + e.getValue());
      }
      codes[from] = to;
    });
    long[] out = new long[marks.length];
    for (int i = 0; i < marks.length; i++) {
      int code = Activity.markCode(marks[i]);
      int to = codes[code & ~Activity.BRAND_POST];
      if (to < 0) {
        throw new IllegalArgumentException("activity.marks: mark " + i + " has code " + (code & ~Activity.BRAND_POST)
            + ", which activity.markCodes does not name");
      }
      out[i] = (Activity.markTime(marks[i]) << Activity.CODE_BITS) | to | (code & Activity.BRAND_POST);
    }
    Arrays.sort(out);
    return out;
  }

  private static int parseCode(String key) {
    try {
      int code = Integer.parseInt(key);
      if (code >= 0 && code < Activity.BRAND_POST) {
        return code;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "activity.markCodes: keys must be codes from 0 to " + (Activity.BRAND_POST - 1) + ", but had '" + key + "'");
  }

  /** Replaces the document's platform numbers in the follower triples by the running code's. */
  private static void replatformed(long[] followers, JsonNode names) {
    int[] platforms = new int[names.size()];
    for (int i = 0; i < platforms.length; i++) {
      String name = names.get(i).asText();
      try {
        platforms[i] = SocialPlatform.valueOf(name).ordinal();
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("activity.platforms[" + i + "]: must be a platform, but was " + name, e);
      }
    }
    for (int i = 2; i < followers.length; i += 3) {
      if (followers[i] < 0 || followers[i] >= platforms.length) {
        throw new IllegalArgumentException("activity.followers: platform " + followers[i] + " of triple " + i / 3
            + " is not in activity.platforms");
      }
      followers[i] = platforms[(int) followers[i]];
    }
  }

  private static OrderFact order(JsonNode o) {
    String code = text(o, "currency", "activity.orders.currency");
    Currency currency;
    try {
      currency = Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("activity.orders.currency: must be an ISO 4217 code, but was " + code, e);
    }
    JsonNode discounted = o.get("discounted");
    if (discounted == null || !discounted.isBoolean()) {
      throw new IllegalArgumentException("activity.orders.discounted: must be true or false, but was " + discounted);
    }
    JsonNode store = o.get("store");
    JsonNode lines = array(o, "lines");
    String[] brands = new String[lines.size()];
    String[] categories = new String[brands.length];
    long[] amounts = new long[brands.length];
    for (int i = 0; i < brands.length; i++) {
      JsonNode line = lines.get(i);
      brands[i] = OrderFact.NAMES.intern(text(line, "brand", "activity.orders.lines.brand"));
      categories[i] = OrderFact.NAMES.intern(text(line, "category", "activity.orders.lines.category"));
      amounts[i] = number(line, "amount", "activity.orders.lines.amount");
    }
    return new OrderFact(number(o, "key", "activity.orders.key"), number(o, "at", "activity.orders.at"),
        number(o, "paid", "activity.orders.paid"), currency, discounted.booleanValue(),
        (int) number(o, "coupons", "activity.orders.coupons"), text(o, "channel", "activity.orders.channel"),
        store == null ? null : text(o, "store", "activity.orders.store"), brands, categories, amounts);
  }

  private static void longs(ArrayNode out, long[] values) {
    for (long v : values) {
      out.add(v);
    }
  }

  private static long[] longs(JsonNode array, String field) {
    long[] out = new long[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = number(array.get(i), field);
    }
    return out;
  }
}
