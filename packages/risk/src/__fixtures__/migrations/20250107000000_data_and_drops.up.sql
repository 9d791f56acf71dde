UPDATE orders SET status = 'shipped' WHERE id < 10;
DELETE FROM orders WHERE id = 1;
CREATE TABLE orders_archive (LIKE orders);
TRUNCATE orders_archive;
ALTER TABLE orders DROP CONSTRAINT orders_customer_fkey;
DROP TABLE IF EXISTS orders_archive;
