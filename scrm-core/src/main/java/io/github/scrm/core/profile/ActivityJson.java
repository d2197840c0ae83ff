package io.github.scrm.core.profile;

import static io.github.scrm.core.profile.ProfileCodec.array;
import static io.github.scrm.core.profile.ProfileCodec.number;
import static io.github.scrm.core.profile.ProfileCodec.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.scrm.core.profile.Activity.RefundFact;
import java.math.BigDecimal;
import java.util.Currency;

/**
 * The {@code "activity"} part of {@link ProfileCodec}'s format 1: the compact facts exactly as {@link Activity} keeps
 * them. Instants are epoch milliseconds; marks are {@code epochMilli << 6 | code} as in {@link Activity}; followers are
 * the flat (epochMilli, count, platform ordinal) triples; influence scores are decimal strings so their scale
 * survives. Mark codes and platforms are enum ordinals: reordering {@code InteractionKind}, {@code CommunityAction},
 * {@code CampaignAction} or {@code SocialPlatform} changes their meaning and needs a new format number. Reading checks
 * the orderings the metrics rely on (orders by time, marks ascending).
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
      for (int i = 0; i < o.lineAmount.length; i++) {
        lines.addObject().put("brand", o.lineBrand[i]).put("category", o.lineCategory[i])
            .put("amount", o.lineAmount[i]);
      }
    }
    ArrayNode refunds = n.putArray("refunds");
    for (RefundFact r : a.refunds) {
      refunds.addObject().put("orderKey", r.orderKey()).put("at", r.at()).put("amount", r.amount());
    }
    longs(n.putArray("marks"), a.marks);
    longs(n.putArray("followers"), a.followers);
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
    long[] followers = longs(array(n, "followers"), "activity.followers");
    if (followers.length % 3 != 0) {
      throw new IllegalArgumentException("activity.followers: must hold triples, but had " + followers.length
          + " numbers");
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
    return Activity.restore(orders, refunds, marks, followers, topics, topicFirstAt, influenceAt, influence);
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
