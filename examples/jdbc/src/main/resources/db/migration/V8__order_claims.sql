-- One live coupon reservation per order: the row of an order points at its latest reservation, and a reservation
-- claims it in its own transaction (insert, or a conditional update away from a reservation that is no longer live),
-- so two concurrent reservations of one order meet on this row and the second sees the first.

CREATE TABLE coupon_order_claim (
  order_id            VARCHAR(200) PRIMARY KEY,
  reservation_id      VARCHAR(200) NOT NULL
);

-- Orders reserved before this script: their latest reservation, as reservationForOrder reads it.
INSERT INTO coupon_order_claim (order_id, reservation_id)
SELECT r.order_id, r.id FROM coupon_reservation r
WHERE r.seq = (SELECT MAX(l.seq) FROM coupon_reservation l WHERE l.order_id = r.order_id);
