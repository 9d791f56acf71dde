SELECT 1;
DROP TABLE payments; -- expect: no-drop-financial-data
