CREATE TABLE payments (id bigint PRIMARY KEY, amount double precision); -- expect: money-precision
