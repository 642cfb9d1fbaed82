SELECT 1;

SELECT 1 AS one, 2.5 AS two_and_half, 'text' AS label, NULL AS nothing, true AS yes, FALSE AS no;

select region, amount from main.sales.transactions;

SELECT * FROM main.sales.products;

SELECT p.* FROM main.sales.products AS p WHERE p.list_price > 0;

SELECT DISTINCT country FROM main.web.page_events;

SELECT ALL region FROM main.sales.transactions;

Select Region, Channel From Main.Sales.Transactions Where Amount > 10;

SELECT `Region`, `Total Amount`, `order` FROM `main`.`sales`.`Daily Summary`;

SELECT `weird``name`, `with space` AS `alias with space` FROM odd_columns;

SELECT t.`from`, t.`to`, t.`select` FROM main.ref.routes t;

SELECT amount + quantity AS s, amount - discount AS d, amount * quantity AS m, amount / quantity AS q, quantity % 3 AS r FROM main.sales.transactions;

SELECT quantity DIV 4 AS groups_of_four, amount DIV 1 AS whole FROM main.sales.transactions;

SELECT a + b * c - d / e AS expr1, (a + b) * (c - d) / e AS expr2 FROM numbers_table;

SELECT a + b DIV c * d AS expr FROM numbers_table;

SELECT -a AS neg, +a AS pos, - (a + b) AS neg_sum, abs(-a) AS absolute FROM numbers_table;

SELECT a & b AS band, a | b AS bor, a ^ b AS bxor, ~a AS bnot FROM bits_table;

SELECT a & b | c ^ d AS mixed, ~(a | b) & c AS masked FROM bits_table;

SELECT shiftleft(a, 2) AS sl, shiftright(a, 1) AS sr, bit_count(a) AS bc FROM bits_table;

SELECT first_name || ' ' || last_name AS full_name FROM main.sales.customers;

SELECT 'a' || 'b' || 'c' AS abc, concat('x', 'y') AS xy, concat_ws('-', 'a', 'b', 'c') AS dashed;

SELECT * FROM main.sales.transactions WHERE amount > 100 AND quantity >= 2 AND discount < 0.5 AND region <> 'NA';

SELECT * FROM main.sales.transactions WHERE amount = 10 OR amount != 20 OR amount == 30;

SELECT * FROM main.sales.transactions WHERE NOT (amount > 100 OR quantity < 2);

SELECT * FROM main.sales.transactions WHERE region = 'EMEA' OR region = 'APAC' AND amount > 50;

SELECT * FROM main.sales.transactions WHERE (region = 'EMEA' OR region = 'APAC') AND amount > 50;

SELECT x == y OR z != w AS c1, x == y AND NOT z != w AS c2 FROM comparisons;

SELECT a <=> b AS null_safe, NOT a <=> b AS not_null_safe, a <=> NULL AS is_null_check FROM pairs;

SELECT * FROM pairs WHERE a <=> b AND c = 1;

SELECT * FROM main.web.page_events WHERE page RLIKE '^/blog/.*';

SELECT * FROM main.web.page_events WHERE page REGEXP '[0-9]{3}' AND NOT page RLIKE 'preview';

SELECT * FROM main.web.page_events WHERE referrer NOT RLIKE '(facebook|twitter)\\.com';

SELECT * FROM main.web.page_events WHERE page LIKE '/shop/%' AND page NOT LIKE '%/draft';

SELECT * FROM main.web.page_events WHERE page ILIKE '%Checkout%' OR page NOT ILIKE '/api/%';

SELECT * FROM main.sales.products WHERE product_name LIKE '50!% off%' ESCAPE '!';

SELECT * FROM main.sales.products WHERE product_name LIKE 'A\_%';

SELECT * FROM main.sales.transactions WHERE region IN ('EMEA', 'APAC', 'NA');

SELECT * FROM main.sales.transactions WHERE product_id NOT IN (1, 2, 3) AND region NOT IN ('TEST');

SELECT * FROM main.sales.transactions WHERE amount BETWEEN 100 AND 200;

SELECT * FROM main.sales.transactions WHERE transaction_date NOT BETWEEN DATE '2026-01-01' AND DATE '2026-03-31';

SELECT * FROM main.sales.customers WHERE segment IS NULL OR country IS NOT NULL;

SELECT * FROM main.sales.customers WHERE is_active IS TRUE;

SELECT * FROM main.sales.customers WHERE is_active IS NOT TRUE AND is_vip IS FALSE;

SELECT * FROM main.sales.customers WHERE is_vip IS NOT FALSE;

SELECT * FROM snapshot_a a JOIN snapshot_b b ON a.id = b.id WHERE a.value IS DISTINCT FROM b.value;

SELECT * FROM snapshot_a a JOIN snapshot_b b ON a.id = b.id WHERE a.value IS NOT DISTINCT FROM b.value;

SELECT 'single' AS s1, "double" AS s2, 'it\'s' AS s3, "quote \" inside" AS s4;

SELECT 'tab\there' AS t, 'new\nline' AS n, 'slash\\' AS b, '\u00e9t\u00e9' AS summer;

SELECT r'\d+\.\d+' AS raw_regex, R'C:\new\table' AS raw_path, r"raw 'single' inside" AS raw_dq;

SELECT 'con' 'cat' 'enated' AS adjacent;

SELECT "double" 'then single' AS mixed_adjacent;

SELECT DATE '2026-11-01' AS d, TIMESTAMP '2026-11-01 08:30:00' AS ts, TIMESTAMP '2026-11-01 08:30:00.123456' AS ts_micro;

SELECT X'0A0B' AS bin, X'FF' AS ff, length(X'DEADBEEF') AS four;

SELECT 9000000000 AS big_int, 3.14 AS dec_val, CAST(2.0 AS FLOAT) AS float_val, CAST(30000 AS SMALLINT) AS smallint_val;

SELECT 1e10 AS big, 1.5E-3 AS small, 0.000001 AS tiny, 123456789012345678901234567890 AS huge;

SELECT CAST(amount AS STRING), CAST(quantity AS BIGINT), CAST(discount AS DOUBLE) FROM main.sales.transactions;

SELECT CAST('42' AS INT) AS i, CAST('3.5' AS FLOAT) AS f, CAST('1' AS BOOLEAN) AS b, CAST('2026-01-01' AS DATE) AS d;

SELECT CAST('2026-01-01 12:00:00' AS TIMESTAMP) AS ts, CAST(ts_col AS DATE) AS d FROM events_raw;

SELECT CAST(amount AS DECIMAL(10,2)) AS price, CAST(amount AS DECIMAL(18, 4)) AS precise FROM main.sales.transactions;

SELECT CAST(tags AS ARRAY<STRING>) AS tags, CAST(attrs AS MAP<STRING,STRING>) AS attrs FROM main.sales.products;

SELECT CAST(NULL AS STRUCT<a: INT, b: STRING>) AS empty_struct, CAST(NULL AS ARRAY<STRUCT<id: BIGINT, tags: ARRAY<STRING>>>) AS nested;

SELECT CAST(CAST(amount AS INT) AS STRING) AS nested_cast FROM main.sales.transactions;

SELECT TRY_CAST(raw_value AS INT) AS v, try_cast(raw_value AS DECIMAL(12,3)) AS d FROM staging.raw_values;

SELECT amount::INT AS a, region::STRING AS r, '2026-05-05'::DATE AS d FROM main.sales.transactions;

SELECT amount::DECIMAL(12,2) AS a, tags::ARRAY<STRING> AS t, props::MAP<STRING,INT> AS p FROM typed_table;

SELECT (amount + discount)::BIGINT AS total, amount::DOUBLE::STRING AS chained FROM main.sales.transactions;

SELECT current_date(), current_timestamp(), now();

SELECT current_date AS today, current_timestamp AS right_now;

SELECT * FROM main.sales.transactions WHERE transaction_date = current_date;

SELECT current_user() AS who, current_catalog() AS cat, current_database() AS db;

SELECT INTERVAL 7 DAYS AS week, INTERVAL 1 DAY AS day, INTERVAL 12 HOURS AS half_day;

SELECT INTERVAL '7' DAY AS d, INTERVAL '5' HOUR AS h, INTERVAL '30' MINUTE AS m, INTERVAL '10' SECOND AS s;

SELECT INTERVAL 1 DAY 2 HOURS AS dh, INTERVAL 2 HOURS 30 MINUTES AS hm, INTERVAL 1 YEAR 6 MONTHS AS ym;

SELECT INTERVAL '1-2' YEAR TO MONTH AS ym, INTERVAL '10 11:12:13' DAY TO SECOND AS dts, INTERVAL '11:12' HOUR TO MINUTE AS hm;

SELECT INTERVAL '2' YEAR AS y, INTERVAL '3' MONTH AS m;

SELECT * FROM main.sales.transactions WHERE transaction_date >= current_date() - INTERVAL 30 DAYS;

SELECT * FROM main.web.page_events WHERE event_ts > current_timestamp() - INTERVAL '6' HOUR;

SELECT transaction_ts + INTERVAL 1 DAY 2 HOURS AS later, transaction_ts - INTERVAL '15' MINUTE AS earlier FROM main.sales.transactions;

SELECT signup_date + INTERVAL '1-0' YEAR TO MONTH AS anniversary FROM main.sales.customers;

SELECT upper(customer_name) AS u, lower(customer_name) AS l, initcap(customer_name) AS ic, length(customer_name) AS len FROM main.sales.customers;

SELECT substr(page, 1, 5) AS head, substring(page, 2) AS tail, left(page, 3) AS l3, right(page, 3) AS r3 FROM main.web.page_events;

SELECT substring(page FROM 2 FOR 4) AS mid, position('/' IN page) AS first_slash FROM main.web.page_events;

SELECT trim(customer_name) AS t, ltrim(customer_name) AS lt, rtrim(customer_name) AS rt, btrim(customer_name, 'x') AS bt FROM main.sales.customers;

SELECT trim(BOTH '-' FROM code) AS b, trim(LEADING '0' FROM code) AS l, trim(TRAILING ' ' FROM code) AS t FROM codes;

SELECT lpad(CAST(customer_id AS STRING), 10, '0') AS padded, rpad(country, 5, '.') AS dotted FROM main.sales.customers;

SELECT replace(page, '/old/', '/new/') AS rewritten, translate(country, 'AEIOU', 'aeiou') AS translated FROM main.web.page_events;

SELECT regexp_replace(phone, '[^0-9]', '') AS digits, regexp_extract(email, '@(.+)$', 1) AS domain FROM main.sales.customers;

SELECT regexp_extract_all(page, '(\\d+)', 1) AS numbers, regexp_like(page, '^/p/') AS is_product FROM main.web.page_events;

SELECT instr(email, '@') AS at_pos, locate('.', email) AS dot_pos, locate('.', email, 5) AS dot_after_5 FROM main.sales.customers;

SELECT split(page, '/') AS parts, split(page, '/')[1] AS section, split_part(page, '/', 2) AS section2 FROM main.web.page_events;

SELECT substring_index(email, '@', 1) AS user_part, substring_index(page, '/', -1) AS last_segment FROM main.sales.customers CROSS JOIN main.web.page_events;

SELECT repeat('ab', 3) AS rep, reverse('stressed') AS rev, space(4) AS four_spaces, ascii('A') AS a_code, chr(66) AS b_char;

SELECT format_string('%s-%05d', region, quantity) AS formatted, printf('%.2f', amount) AS money, format_number(amount, 2) AS fmt FROM main.sales.transactions;

SELECT md5(email) AS m, sha1(email) AS s1, sha2(email, 256) AS s256, crc32(email) AS c, hash(email) AS h, xxhash64(email) AS x FROM main.sales.customers;

SELECT base64(CAST('hello' AS BINARY)) AS b64, CAST(unbase64('aGVsbG8=') AS STRING) AS plain, hex('abc') AS hx, unhex('616263') AS raw_bytes;

SELECT soundex(customer_name) AS sx, levenshtein(customer_name, 'Acme') AS dist FROM main.sales.customers;

SELECT startswith(page, '/docs') AS sw, endswith(page, '.html') AS ew, contains(page, 'search') AS has_search FROM main.web.page_events;

SELECT overlay(card_number PLACING '****' FROM 1 FOR 4) AS masked FROM payments;

SELECT parse_url(referrer, 'HOST') AS host, parse_url(referrer, 'QUERY', 'utm_source') AS source FROM main.web.page_events;

SELECT url_decode(page) AS decoded, url_encode('a b&c') AS encoded FROM main.web.page_events;

SELECT find_in_set('b', 'a,b,c') AS pos, elt(2, 'x', 'y', 'z') AS second, char_length('hello') AS five, octet_length('hé') AS bytes;

SELECT concat_ws(', ', collect_list(product_name)) AS names FROM main.sales.products WHERE category = 'audio';

SELECT lcase('ABC') AS l, ucase('abc') AS u, uuid() AS id;

SELECT get_json_object(payload, '$.customer.id') AS cid, json_array_length(get_json_object(payload, '$.items')) AS n_items FROM raw.orders_json;

SELECT from_json(payload, 'struct<id:int,tags:array<string>>') AS parsed, to_json(named_struct('a', 1, 'b', 'two')) AS json_text FROM raw.orders_json;

SELECT schema_of_json('{"a": 1, "b": [true]}') AS schema_text;

SELECT from_json(payload, 'id INT, name STRING').name AS extracted_name FROM raw.orders_json;

SELECT year(transaction_date) AS y, month(transaction_date) AS m, day(transaction_date) AS d, dayofweek(transaction_date) AS dow, dayofyear(transaction_date) AS doy FROM main.sales.transactions;

SELECT weekofyear(event_date) AS wk, quarter(event_date) AS q, hour(event_ts) AS h, minute(event_ts) AS mi, second(event_ts) AS s FROM main.web.page_events;

SELECT EXTRACT(YEAR FROM event_date) AS y, EXTRACT(MONTH FROM event_date) AS m, EXTRACT(DAY FROM event_ts) AS d, EXTRACT(HOUR FROM event_ts) AS h FROM main.web.page_events;

SELECT extract(week FROM event_date) AS w, extract(quarter FROM event_date) AS q, extract(SECOND FROM event_ts) AS s FROM main.web.page_events;

SELECT date_part('year', event_date) AS y, date_part('doy', event_date) AS doy FROM main.web.page_events;

SELECT date_format(event_ts, 'yyyy-MM-dd HH:mm') AS minute_label, date_format(event_date, 'EEEE') AS weekday FROM main.web.page_events;

SELECT to_date('2026-11-01') AS d1, to_date('01/11/2026', 'dd/MM/yyyy') AS d2, to_timestamp('2026-11-01 10:00:00') AS t1, to_timestamp('20261101', 'yyyyMMdd') AS t2;

SELECT unix_timestamp(event_ts) AS epoch, from_unixtime(1767225600) AS ts_text, from_unixtime(1767225600, 'yyyy-MM-dd') AS day_text FROM main.web.page_events;

SELECT timestamp_seconds(1767225600) AS ts, timestamp_millis(1767225600000) AS ts_ms, unix_date(DATE '2026-01-01') AS days;

SELECT date_trunc('month', transaction_ts) AS m, date_trunc('QUARTER', transaction_ts) AS q, trunc(transaction_date, 'MM') AS tm, trunc(transaction_date, 'year') AS ty FROM main.sales.transactions;

SELECT date_trunc('week', event_date + interval '1 day') - interval '1 day' AS week_start_sunday FROM main.web.page_events;

SELECT date_trunc('week', event_ts + interval '1 day') + interval '5 days' AS week_end_saturday FROM main.web.page_events;

SELECT date_add(transaction_date, 7) AS plus7, date_sub(transaction_date, 7) AS minus7, add_months(transaction_date, 1) AS next_month FROM main.sales.transactions;

SELECT datediff(current_date(), signup_date) AS days_since, months_between(current_date(), signup_date) AS months_since FROM main.sales.customers;

SELECT last_day(transaction_date) AS eom, next_day(transaction_date, 'Mon') AS next_monday FROM main.sales.transactions;

SELECT make_date(2026, 11, 1) AS d, make_timestamp(2026, 11, 1, 9, 30, 0) AS ts;

SELECT dateadd(DAY, 3, transaction_date) AS plus3, datediff(HOUR, transaction_ts, current_timestamp()) AS hours_ago FROM main.sales.transactions;

SELECT timestampadd(MONTH, 2, transaction_ts) AS plus2m, timestampdiff(MINUTE, transaction_ts, current_timestamp()) AS mins FROM main.sales.transactions;

SELECT from_utc_timestamp(event_ts, 'Europe/Berlin') AS local_ts, to_utc_timestamp(event_ts, 'America/New_York') AS utc_ts FROM main.web.page_events;

SELECT sequence(DATE '2026-01-01', DATE '2026-01-31', INTERVAL 1 DAY) AS january;

SELECT explode(sequence(DATE '2026-11-01', DATE '2026-11-07', INTERVAL 1 DAY)) AS d;

SELECT abs(-3) AS a, ceil(2.1) AS c, ceiling(2.9) AS c2, floor(-2.5) AS f, round(2.456, 2) AS r, bround(2.5) AS br;

SELECT sqrt(16) AS sq, cbrt(27) AS cb, exp(1) AS e1, ln(10) AS ln10, log(2, 8) AS log2_8, log10(1000) AS l10, log2(64) AS l2;

SELECT pow(2, 10) AS p, power(3, 3) AS p2, mod(10, 3) AS m, pmod(-7, 3) AS pm, sign(-4) AS s, signum(0.5) AS sg;

SELECT sin(pi() / 2) AS s, cos(0) AS c, tan(0.5) AS t, atan2(1, 1) AS a, degrees(pi()) AS deg, radians(180) AS rad, e() AS euler;

SELECT rand() AS r, rand(42) AS seeded, randn(7) AS normal;

SELECT greatest(1, 5, 3) AS g, least(4, 2, 8) AS l, greatest(amount, discount, 0) AS g2 FROM main.sales.transactions;

SELECT width_bucket(amount, 0, 1000, 10) AS bucket, conv('ff', 16, 10) AS dec_val, bin(10) AS binary_text, factorial(5) AS f5 FROM main.sales.transactions;

SELECT try_divide(amount, quantity) AS unit_price, try_add(amount, discount) AS gross, amount / nullif(quantity, 0) AS safe_unit FROM main.sales.transactions;

SELECT isnan(ratio) AS nan_flag, nanvl(ratio, 0) AS cleaned, isnull(ratio) AS null_flag, isnotnull(ratio) AS present FROM metrics;

SELECT coalesce(discount, 0) AS d, nullif(region, '') AS r, nvl(channel, 'n/a') AS c, nvl2(discount, 'yes', 'no') AS has_disc, ifnull(quantity, 1) AS q FROM main.sales.transactions;

SELECT if(amount > 100, 'big', 'small') AS size_label, iff(quantity = 0, NULL, amount / quantity) AS unit FROM main.sales.transactions;

SELECT typeof(amount) AS t1, typeof(array(1)) AS t2, typeof(map('a', 1)) AS t3 FROM main.sales.transactions LIMIT 1;

SELECT CASE region WHEN 'EMEA' THEN 1 WHEN 'APAC' THEN 2 ELSE 0 END AS region_code FROM main.sales.transactions;

SELECT CASE WHEN amount > 1000 THEN 'high' WHEN amount > 100 THEN 'medium' ELSE 'low' END AS tier FROM main.sales.transactions;

SELECT CASE WHEN quantity IS NULL THEN 0 END AS no_else FROM main.sales.transactions;

SELECT CASE WHEN a > 0 THEN CASE WHEN b > 0 THEN 'both' ELSE 'a only' END WHEN b > 0 THEN 'b only' ELSE 'neither' END AS quadrant FROM numbers_table;

SELECT CASE lower(device) WHEN 'ios' THEN 'Apple' WHEN 'android' THEN 'Google' END AS vendor FROM main.web.page_events;

SELECT sum(CASE WHEN channel = 'web' THEN amount ELSE 0 END) AS web_total, sum(CASE WHEN channel = 'app' THEN amount END) AS app_total FROM main.sales.transactions;

SELECT monotonically_increasing_id() AS row_id, spark_partition_id() AS part FROM main.sales.transactions;

SELECT array(1, 2, 3) AS a, array('x', 'y') AS b, array(array(1, 2), array(3)) AS nested;

SELECT map('a', 1, 'b', 2) AS m, map() AS empty_map, map(1, array('one'), 2, array('two')) AS complex_map;

SELECT struct(1, 'a') AS s, struct(region AS r, amount AS a) AS named_fields FROM main.sales.transactions;

SELECT named_struct('id', customer_id, 'name', customer_name, 'geo', named_struct('lat', 1.0, 'lon', 2.0)) AS rec FROM main.sales.customers;

SELECT tags[0] AS first_tag, tags[1] AS second_tag FROM main.sales.products;

SELECT properties['utm_source'] AS src, properties['utm_campaign'] AS campaign FROM main.web.page_events;

SELECT address.city, address.zip, address.geo.lat AS lat FROM main.sales.customers;

SELECT c.address.city AS city, c.address.geo.lon AS lon FROM main.sales.customers c;

SELECT payload.items[0].sku AS first_sku, payload.meta['source'] AS src FROM raw.orders_struct;

SELECT split(customer_name, ' ')[0] AS first_word, array(5, 6, 7)[2] AS seven, map('k', 'v')['k'] AS v FROM main.sales.customers;

SELECT element_at(tags, 1) AS first_tag, element_at(attrs, 'color') AS color, try_element_at(tags, 10) AS maybe FROM main.sales.products;

SELECT size(tags) AS n, cardinality(tags) AS n2, array_size(tags) AS n3 FROM main.sales.products;

SELECT array_contains(tags, 'sale') AS on_sale, arrays_overlap(tags, array('new', 'hot')) AS trending FROM main.sales.products;

SELECT array_distinct(tags) AS d, array_union(tags, array('all')) AS u, array_intersect(tags, array('a', 'b')) AS i, array_except(tags, array('hidden')) AS e FROM main.sales.products;

SELECT array_join(tags, ', ') AS joined, array_join(tags, ',', '?') AS with_null_repl FROM main.sales.products;

SELECT array_max(price_points) AS mx, array_min(price_points) AS mn, array_position(tags, 'sale') AS pos FROM main.sales.products;

SELECT array_remove(tags, 'draft') AS cleaned, array_repeat('x', 3) AS xs, flatten(array(array(1), array(2, 3))) AS flat;

SELECT slice(tags, 1, 2) AS first_two, sort_array(tags) AS asc_tags, sort_array(tags, false) AS desc_tags, reverse(tags) AS rev FROM main.sales.products;

SELECT arrays_zip(tags, price_points) AS zipped, shuffle(array(1, 2, 3)) AS mixed FROM main.sales.products;

SELECT array_append(tags, 'extra') AS appended, array_compact(array(1, NULL, 2)) AS compacted FROM main.sales.products;

SELECT sequence(1, 10) AS one_to_ten, sequence(10, 0, -2) AS countdown;

SELECT map_keys(attrs) AS k, map_values(attrs) AS v, map_entries(attrs) AS e FROM main.sales.products;

SELECT map_from_arrays(array('a', 'b'), array(1, 2)) AS m1, map_from_entries(array(struct('x', 10), struct('y', 20))) AS m2;

SELECT map_concat(attrs, map('source', 'catalog')) AS merged, map_contains_key(attrs, 'color') AS has_color FROM main.sales.products;

SELECT str_to_map('a:1,b:2', ',', ':') AS parsed;

SELECT transform(price_points, p -> p * 1.2) AS with_tax FROM main.sales.products;

SELECT transform(tags, (t, i) -> concat(CAST(i AS STRING), ':', t)) AS numbered FROM main.sales.products;

SELECT filter(price_points, p -> p > 10 AND p < 100) AS mid_range FROM main.sales.products;

SELECT filter(tags, t -> t NOT LIKE 'internal%') AS public_tags FROM main.sales.products;

SELECT aggregate(price_points, CAST(0 AS DOUBLE), (acc, p) -> acc + p) AS total FROM main.sales.products;

SELECT aggregate(price_points, named_struct('s', CAST(0 AS DOUBLE), 'n', 0), (acc, p) -> named_struct('s', acc.s + p, 'n', acc.n + 1), acc -> acc.s / acc.n) AS mean_price FROM main.sales.products;

SELECT reduce(array(1, 2, 3, 4), 0, (a, b) -> a + b) AS ten;

SELECT exists(tags, t -> t = 'clearance') AS clearance, forall(price_points, p -> p > 0) AS all_positive FROM main.sales.products;

SELECT exists(array(1, NULL, 3), x -> x IS NULL) AS has_null;

SELECT map_filter(attrs, (k, v) -> k LIKE 'dim_%') AS dims FROM main.sales.products;

SELECT map_filter(map('a', 1, 'b', -1), (k, v) -> v > 0) AS positive_only;

SELECT transform_keys(attrs, (k, v) -> upper(k)) AS upper_keys, transform_values(attrs, (k, v) -> concat(k, '=', v)) AS pairs FROM main.sales.products;

SELECT zip_with(array(1, 2), array(10, 20), (x, y) -> x * y) AS products;

SELECT map_zip_with(map('a', 1), map('a', 2, 'b', 3), (k, l, r) -> coalesce(l, 0) + coalesce(r, 0)) AS summed;

SELECT array_sort(price_points, (l, r) -> CASE WHEN l > r THEN -1 WHEN l < r THEN 1 ELSE 0 END) AS desc_prices FROM main.sales.products;

SELECT transform(order_lines, l -> l.qty * l.price) AS line_totals FROM sales.orders;

SELECT transform(matrix, r -> transform(r, c -> c + 1)) AS incremented FROM matrices;

SELECT filter(groups, g -> exists(g.members, m -> m.role = 'owner')) AS owned_groups FROM org_groups;

SELECT transform(filter(tags, t -> length(t) > 2), t -> upper(t)) AS long_tags_upper FROM main.sales.products;

SELECT aggregate(transform(order_lines, l -> l.qty), 0, (acc, q) -> acc + q) AS total_qty FROM sales.orders;

SELECT size(filter(tags, x -> x RLIKE '^[a-z]+$')) AS lowercase_tags FROM main.sales.products;

SELECT transform(sequence(1, 5), i -> i * i) AS squares;

SELECT filter(map_entries(attrs), e -> e.value IS NOT NULL) AS non_null_attrs FROM main.sales.products;

SELECT explode(tags) AS tag FROM main.sales.products;

SELECT o.order_id, pos, val FROM sales.orders o LATERAL VIEW OUTER posexplode(o.items) p AS pos, val;

SELECT inline(array(struct(1, 'a'), struct(2, 'b')));

SELECT explode(map('a', 1, 'b', 2));

SELECT explode_outer(tags) AS tag, product_id FROM main.sales.products;

SELECT count(*) FROM main.sales.transactions;

SELECT count(1) AS n, count(discount) AS with_discount, count(DISTINCT customer_id) AS customers FROM main.sales.transactions;

SELECT COUNT(DISTINCT region, channel) AS region_channel_pairs FROM main.sales.transactions;

SELECT sum(amount), avg(amount), min(amount), max(amount) FROM main.sales.transactions;

SELECT sum(DISTINCT quantity) AS distinct_qty_sum, avg(DISTINCT amount) AS distinct_avg FROM main.sales.transactions;

SELECT region, sum(amount) AS total FROM main.sales.transactions GROUP BY region;

SELECT region, channel, sum(amount) AS total, count(*) AS n FROM main.sales.transactions GROUP BY region, channel ORDER BY total DESC;

SELECT region, sum(amount) AS total FROM main.sales.transactions GROUP BY 1 ORDER BY 2 DESC;

SELECT region, sum(amount) AS total FROM main.sales.transactions GROUP BY region HAVING sum(amount) > 10000;

SELECT customer_id, count(*) AS orders FROM main.sales.transactions GROUP BY customer_id HAVING count(*) >= 5 AND max(amount) < 1000;

SELECT product_id FROM main.sales.transactions GROUP BY product_id HAVING avg(amount) BETWEEN 10 AND 50;

SELECT region, sum(amount) FILTER (WHERE channel = 'web') AS web, sum(amount) FILTER (WHERE channel <> 'web') AS other FROM main.sales.transactions GROUP BY region;

SELECT count(*) FILTER (WHERE device = 'ios') AS ios_views, count(DISTINCT user_id) FILTER (WHERE device = 'android') AS android_users FROM main.web.page_events;

SELECT count_if(amount > 100) AS big, any(is_refund) AS some_refund, every(amount > 0) AS all_positive, bool_or(is_refund) AS bo, bool_and(amount > 0) AS ba FROM main.sales.transactions;

SELECT some(is_active) AS any_active FROM main.sales.customers;

SELECT collect_list(product_id) AS products, collect_set(region) AS regions, array_agg(channel) AS channels FROM main.sales.transactions;

SELECT first(product_id) AS f, last(product_id) AS l, first(product_id, true) AS f_ignore_nulls, first_value(amount) AS fv FROM main.sales.transactions;

SELECT max_by(product_id, amount) AS top_product, min_by(product_id, amount) AS bottom_product FROM main.sales.transactions;

SELECT stddev(amount) AS sd, stddev_pop(amount) AS sdp, stddev_samp(amount) AS sds, variance(amount) AS v, var_pop(amount) AS vp, var_samp(amount) AS vs FROM main.sales.transactions;

SELECT corr(amount, quantity) AS r, covar_pop(amount, quantity) AS cp, covar_samp(amount, quantity) AS cs, skewness(amount) AS sk, kurtosis(amount) AS ku FROM main.sales.transactions;

SELECT regr_slope(amount, quantity) AS slope, regr_intercept(amount, quantity) AS intercept, regr_r2(amount, quantity) AS r2 FROM main.sales.transactions;

SELECT percentile(amount, 0.5) AS median_exact, percentile(amount, array(0.25, 0.75)) AS quartiles, percentile_approx(amount, 0.9, 1000) AS p90 FROM main.sales.transactions;

SELECT approx_percentile(amount, array(0.5, 0.99)) AS pcts, approx_count_distinct(customer_id) AS approx_customers, approx_count_distinct(customer_id, 0.01) AS precise FROM main.sales.transactions;

SELECT median(amount) AS med, mode(region) AS most_common_region FROM main.sales.transactions;

SELECT region, percentile_cont(0.5) WITHIN GROUP (ORDER BY amount) AS median_amount FROM main.sales.transactions GROUP BY region;

SELECT percentile_cont(0.25) WITHIN GROUP (ORDER BY amount DESC) AS p25, percentile_disc(0.75) WITHIN GROUP (ORDER BY quantity) AS p75 FROM main.sales.transactions;

SELECT bit_and(flags) AS ba, bit_or(flags) AS bo, bit_xor(flags) AS bx FROM feature_flags;

SELECT try_sum(amount) AS ts, try_avg(amount) AS ta FROM main.sales.transactions;

SELECT mean(amount) AS mean_amount, sum(amount * quantity) / sum(quantity) AS weighted FROM main.sales.transactions;

SELECT region, channel, sum(amount) AS total FROM main.sales.transactions GROUP BY GROUPING SETS ((region, channel), (region), (channel), ());

SELECT region, channel, sum(amount) AS total FROM main.sales.transactions GROUP BY GROUPING SETS (region, channel);

SELECT region, product_id, sum(amount) AS total, grouping(region) AS gr, grouping(product_id) AS gp FROM main.sales.transactions GROUP BY ROLLUP(region, product_id);

SELECT region, channel, count(*) AS n, grouping_id() AS gid FROM main.sales.transactions GROUP BY CUBE(region, channel);

SELECT country, device, count(*) AS views FROM main.web.page_events GROUP BY CUBE(country, device) HAVING count(*) > 10;

SELECT country, device, count(*) AS views FROM main.web.page_events GROUP BY ROLLUP(country), device;

SELECT year(transaction_date) AS y, month(transaction_date) AS m, sum(amount) AS total FROM main.sales.transactions GROUP BY ROLLUP(year(transaction_date), month(transaction_date)) ORDER BY y NULLS LAST, m NULLS LAST;

SELECT CASE WHEN grouping(region) = 1 THEN 'All regions' ELSE region END AS region_label, sum(amount) AS total FROM main.sales.transactions GROUP BY ROLLUP(region);

SELECT region, channel, sum(amount) AS total FROM main.sales.transactions GROUP BY region, ROLLUP(channel);

SELECT date_trunc('month', transaction_date) AS month_start, sum(amount) AS total FROM main.sales.transactions GROUP BY date_trunc('month', transaction_date) ORDER BY month_start;

SELECT region, count(*) AS n FROM main.sales.transactions GROUP BY region HAVING n > 100 ORDER BY n DESC LIMIT 5;

SELECT customer_id, sum(amount) AS total, sum(amount) / (SELECT sum(amount) FROM main.sales.transactions) * 100 AS pct FROM main.sales.transactions GROUP BY customer_id;

SELECT concat_ws(',', sort_array(collect_set(country))) AS countries FROM main.web.page_events;

SELECT region, any_value(channel) AS sample_channel FROM main.sales.transactions GROUP BY region;

SELECT region, count(*) AS n, sum(amount) AS total, avg(amount) AS avg_amount, min(transaction_date) AS first_day, max(transaction_date) AS last_day FROM main.sales.transactions WHERE amount > 0 GROUP BY region HAVING count(*) > 1 ORDER BY total DESC NULLS LAST LIMIT 10;

SELECT histogram_numeric(amount, 5) AS hist FROM main.sales.transactions;

SELECT customer_id, amount, row_number() OVER (PARTITION BY customer_id ORDER BY amount DESC) AS rn FROM main.sales.transactions;

SELECT product_id, amount, rank() OVER (ORDER BY amount DESC) AS r, dense_rank() OVER (ORDER BY amount DESC) AS dr FROM main.sales.transactions;

SELECT product_id, percent_rank() OVER (ORDER BY amount) AS pr, cume_dist() OVER (ORDER BY amount) AS cd, ntile(10) OVER (ORDER BY amount) AS decile FROM main.sales.transactions;

SELECT user_id, event_ts, lag(event_ts) OVER (PARTITION BY user_id ORDER BY event_ts) AS prev_ts, lead(event_ts, 1) OVER (PARTITION BY user_id ORDER BY event_ts) AS next_ts FROM main.web.page_events;

SELECT user_id, lag(page, 2, 'none') OVER (PARTITION BY session_id ORDER BY event_ts) AS two_back FROM main.web.page_events;

SELECT session_id, first_value(page) OVER (PARTITION BY session_id ORDER BY event_ts) AS entry_page, last_value(page) OVER (PARTITION BY session_id ORDER BY event_ts ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS exit_page FROM main.web.page_events;

SELECT session_id, nth_value(page, 2) OVER (PARTITION BY session_id ORDER BY event_ts ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS second_page FROM main.web.page_events;

SELECT first_value(page, true) OVER (PARTITION BY session_id ORDER BY event_ts) AS first_non_null FROM main.web.page_events;

SELECT transaction_date, sum(amount) OVER (ORDER BY transaction_date ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) AS rolling_7 FROM daily_totals;

SELECT transaction_date, avg(amount) OVER (ORDER BY transaction_date ROWS BETWEEN 3 PRECEDING AND 3 FOLLOWING) AS centered FROM daily_totals;

SELECT transaction_date, sum(amount) OVER (ORDER BY transaction_date ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS remaining FROM daily_totals;

SELECT transaction_date, sum(amount) OVER (ORDER BY transaction_date ROWS UNBOUNDED PRECEDING) AS cumulative FROM daily_totals;

SELECT transaction_date, sum(amount) OVER (ORDER BY transaction_date RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cumulative_range FROM daily_totals;

SELECT transaction_ts, count(*) OVER (ORDER BY transaction_ts RANGE BETWEEN INTERVAL 1 HOUR PRECEDING AND CURRENT ROW) AS last_hour FROM main.sales.transactions;

SELECT amount, count(*) OVER (ORDER BY amount RANGE BETWEEN 10 PRECEDING AND 10 FOLLOWING) AS neighbours FROM main.sales.transactions;

SELECT region, amount, sum(amount) OVER (PARTITION BY region) AS region_total, amount / sum(amount) OVER (PARTITION BY region) AS share FROM main.sales.transactions;

SELECT region, amount, sum(amount) OVER () AS grand_total, count(*) OVER () AS all_rows FROM main.sales.transactions;

SELECT customer_id, transaction_date, amount - lag(amount) OVER (PARTITION BY customer_id ORDER BY transaction_date) AS delta FROM main.sales.transactions;

SELECT user_id, event_ts, row_number() OVER w AS rn, count(*) OVER w AS running_count FROM main.web.page_events WINDOW w AS (PARTITION BY user_id ORDER BY event_ts);

SELECT region, sum(amount) OVER w1 AS by_region, sum(amount) OVER w2 AS by_channel FROM main.sales.transactions WINDOW w1 AS (PARTITION BY region), w2 AS (PARTITION BY channel ORDER BY transaction_date);

SELECT region, avg(amount) OVER (w) AS region_avg FROM main.sales.transactions WINDOW w AS (PARTITION BY region ORDER BY transaction_ts ROWS BETWEEN 10 PRECEDING AND CURRENT ROW);

SELECT region, sum(sum(amount)) OVER (ORDER BY region) AS cumulative_by_region FROM main.sales.transactions GROUP BY region;

SELECT product_id, sum(amount) AS revenue, rank() OVER (ORDER BY sum(amount) DESC) AS revenue_rank FROM main.sales.transactions GROUP BY product_id;

SELECT * FROM (SELECT customer_id, amount, row_number() OVER (PARTITION BY customer_id ORDER BY amount DESC) AS rn FROM main.sales.transactions) ranked WHERE rn <= 3;

SELECT customer_id, transaction_date, amount FROM main.sales.transactions QUALIFY row_number() OVER (PARTITION BY customer_id ORDER BY transaction_date DESC) = 1;

SELECT user_id, page, row_number() OVER (PARTITION BY user_id ORDER BY event_ts) AS step FROM main.web.page_events QUALIFY step <= 5;

SELECT region, product_id, sum(amount) AS revenue FROM main.sales.transactions GROUP BY region, product_id QUALIFY rank() OVER (PARTITION BY region ORDER BY sum(amount) DESC) <= 3;

SELECT user_id, event_ts FROM main.web.page_events WHERE device = 'ios' QUALIFY lag(event_ts) OVER (PARTITION BY user_id ORDER BY event_ts) IS NULL OR event_ts - lag(event_ts) OVER (PARTITION BY user_id ORDER BY event_ts) > INTERVAL 30 MINUTES;

SELECT user_id, event_ts FROM main.web.page_events QUALIFY row_number() OVER w = 1 WINDOW w AS (PARTITION BY user_id ORDER BY event_ts DESC);

SELECT region, count(*) AS latest FROM (SELECT region, customer_id FROM main.sales.transactions QUALIFY row_number() OVER (PARTITION BY customer_id ORDER BY transaction_ts DESC) = 1) t GROUP BY region;

WITH latest AS (SELECT * FROM main.sales.customers QUALIFY row_number() OVER (PARTITION BY email ORDER BY signup_date DESC) = 1) SELECT count(*) FROM latest;

SELECT customer_id, amount FROM main.sales.transactions QUALIFY percent_rank() OVER (ORDER BY amount DESC) < 0.01 ORDER BY amount DESC;

SELECT product_id, amount, collect_list(amount) OVER (PARTITION BY product_id ORDER BY transaction_ts ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS last_three FROM main.sales.transactions;

SELECT session_id, max(event_ts) OVER (PARTITION BY session_id) - min(event_ts) OVER (PARTITION BY session_id) AS session_length FROM main.web.page_events;

SELECT user_id, event_date, count(*) OVER (PARTITION BY user_id ORDER BY event_date RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS days_seen FROM main.web.page_events;

SELECT product_id, ntile(4) OVER (PARTITION BY category ORDER BY list_price DESC NULLS LAST) AS price_quartile FROM main.sales.products;

SELECT user_id, lead(page) OVER (PARTITION BY session_id ORDER BY event_ts ASC NULLS FIRST) AS next_page FROM main.web.page_events;

SELECT DISTINCT region, sum(amount) OVER (PARTITION BY region) AS total FROM main.sales.transactions;

SELECT customer_id, avg(amount) OVER (PARTITION BY customer_id ORDER BY transaction_date ROWS BETWEEN 29 PRECEDING AND CURRENT ROW) AS avg_30, stddev(amount) OVER (PARTITION BY customer_id) AS sd FROM main.sales.transactions;

SELECT event_date, count(DISTINCT user_id) AS dau, avg(count(DISTINCT user_id)) OVER (ORDER BY event_date ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) AS dau_7d_avg FROM main.web.page_events GROUP BY event_date;

SELECT t.transaction_id, c.customer_name FROM main.sales.transactions t JOIN main.sales.customers c ON t.customer_id = c.customer_id;

SELECT t.transaction_id, c.customer_name FROM main.sales.transactions AS t INNER JOIN main.sales.customers AS c ON t.customer_id = c.customer_id AND c.is_active;

SELECT p.product_name, t.amount FROM main.sales.products p LEFT JOIN main.sales.transactions t ON t.product_id = p.product_id;

SELECT p.product_name, t.amount FROM main.sales.products p LEFT OUTER JOIN main.sales.transactions t ON t.product_id = p.product_id WHERE t.transaction_id IS NULL;

SELECT r.region_name, t.amount FROM main.sales.transactions t RIGHT JOIN main.ref.regions r ON r.region_code = t.region;

SELECT r.region_name, t.amount FROM main.sales.transactions t RIGHT OUTER JOIN main.ref.regions r ON r.region_code = t.region;

SELECT coalesce(a.region, b.region) AS region, a.total AS sales, b.total AS returns FROM sales_by_region a FULL OUTER JOIN returns_by_region b ON a.region = b.region;

SELECT a.d, b.d FROM calendar_a a FULL JOIN calendar_b b ON a.d = b.d;

SELECT c.cal_date, p.product_id FROM main.ref.calendar c CROSS JOIN main.sales.products p;

SELECT * FROM main.sales.transactions NATURAL JOIN main.sales.customers;

SELECT * FROM main.sales.transactions NATURAL LEFT JOIN main.sales.customers;

SELECT customer_id, t.amount, c.segment FROM main.sales.transactions t JOIN main.sales.customers c USING (customer_id);

SELECT * FROM main.sales.transactions t LEFT JOIN main.sales.inventory i USING (product_id, region);

SELECT * FROM a JOIN b ON a.id = b.a_id JOIN c ON c.id = b.c_id LEFT JOIN d ON d.id = c.d_id;

SELECT t.*, p.category FROM main.sales.transactions t, main.sales.products p WHERE p.product_id = t.product_id;

SELECT e.user_id, c.customer_name FROM main.web.page_events e JOIN main.sales.customers c ON e.user_id = c.customer_id AND e.event_date >= c.signup_date;

SELECT a.id, b.id FROM left_side a JOIN right_side b ON a.k1 <=> b.k1 AND a.k2 <=> b.k2;

SELECT * FROM main.sales.transactions t JOIN (SELECT product_id, category FROM main.sales.products WHERE category IS NOT NULL) p ON p.product_id = t.product_id;

SELECT * FROM main.sales.customers WHERE customer_id IN (SELECT customer_id FROM main.sales.transactions WHERE amount > 500);

SELECT * FROM main.sales.customers WHERE customer_id NOT IN (SELECT customer_id FROM main.sales.transactions);

SELECT * FROM main.sales.customers c WHERE EXISTS (SELECT 1 FROM main.sales.transactions t WHERE t.customer_id = c.customer_id);

SELECT * FROM main.sales.customers c WHERE NOT EXISTS (SELECT * FROM main.sales.transactions t WHERE t.customer_id = c.customer_id AND t.transaction_date > DATE '2026-01-01');

SELECT product_id, (SELECT count(*) FROM main.sales.transactions t WHERE t.product_id = p.product_id) AS times_sold FROM main.sales.products p;

SELECT * FROM main.sales.transactions WHERE amount > (SELECT avg(amount) FROM main.sales.transactions);

SELECT * FROM main.sales.transactions t WHERE amount >= (SELECT max(amount) * 0.9 FROM main.sales.transactions t2 WHERE t2.region = t.region);

SELECT * FROM (SELECT * FROM (SELECT region, amount FROM main.sales.transactions) a WHERE amount > 0) b WHERE region IS NOT NULL;

SELECT region, total FROM (SELECT region, sum(amount) AS total FROM main.sales.transactions GROUP BY region) AS s ORDER BY total DESC;

SELECT (SELECT max(signup_date) FROM main.sales.customers) AS latest_signup, (SELECT count(*) FROM main.sales.products) AS product_count;

SELECT region FROM main.sales.transactions UNION SELECT region_code FROM main.ref.regions;

SELECT region FROM main.sales.transactions UNION ALL SELECT region_code FROM main.ref.regions;

SELECT customer_id FROM main.sales.transactions INTERSECT SELECT customer_id FROM main.sales.customers;

SELECT customer_id FROM main.sales.customers EXCEPT SELECT customer_id FROM main.sales.transactions;

SELECT customer_id FROM main.sales.customers EXCEPT ALL SELECT customer_id FROM main.sales.transactions;

SELECT product_id FROM main.sales.products INTERSECT ALL SELECT product_id FROM main.sales.transactions;

SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3 ORDER BY n DESC LIMIT 2;

(SELECT region FROM main.sales.transactions) UNION (SELECT region_code FROM main.ref.regions);

(SELECT id FROM a UNION SELECT id FROM b) INTERSECT (SELECT id FROM c EXCEPT SELECT id FROM d);

SELECT id FROM a UNION ALL (SELECT id FROM b INTERSECT SELECT id FROM c);

SELECT id FROM a EXCEPT (SELECT id FROM b UNION SELECT id FROM c) ORDER BY id;

SELECT x FROM (SELECT 1 AS x UNION ALL SELECT 2 AS x) u WHERE x > 1;

WITH totals AS (SELECT region, sum(amount) AS total FROM main.sales.transactions GROUP BY region) SELECT * FROM totals WHERE total > 0;

WITH a AS (SELECT 1 AS x), b AS (SELECT x + 1 AS y FROM a) SELECT x, y FROM a CROSS JOIN b;

WITH cte (r, t) AS (SELECT region, amount FROM main.sales.transactions) SELECT r, sum(t) FROM cte GROUP BY r;

WITH RECURSIVE countdown (n) AS (SELECT 5 UNION ALL SELECT n - 1 FROM countdown WHERE n > 0) SELECT n FROM countdown;

WITH RECURSIVE tree AS (
  SELECT category_id, parent_id, name, 0 AS depth FROM main.sales.categories WHERE parent_id IS NULL
  UNION ALL
  SELECT c.category_id, c.parent_id, c.name, tree.depth + 1 FROM main.sales.categories c JOIN tree ON c.parent_id = tree.category_id
)
SELECT * FROM tree ORDER BY depth, name;

WITH outer_q AS (WITH inner_q AS (SELECT 1 AS v) SELECT v * 10 AS v FROM inner_q) SELECT v FROM outer_q;

WITH regions AS (SELECT DISTINCT region FROM main.sales.transactions) SELECT count(*) FROM regions;

WITH x AS (SELECT * FROM main.sales.transactions WHERE amount > 0), y AS (SELECT * FROM x WHERE quantity > 1) SELECT region, count(*) FROM y GROUP BY region UNION ALL SELECT 'total', count(*) FROM y;

SELECT * FROM (WITH z AS (SELECT 42 AS answer) SELECT answer FROM z) q;

VALUES (1, 'one'), (2, 'two'), (3, 'three');

VALUES 1, 2, 3;

SELECT * FROM VALUES (1, 'a'), (2, 'b') AS t(id, name);

SELECT x FROM VALUES 1, 2, 3 AS t(x);

SELECT id, name FROM VALUES (1, 'a'), (2, NULL) AS t(id, name) WHERE name IS NOT NULL;

SELECT v.code, v.label FROM VALUES ('EMEA', 'Europe'), ('APAC', 'Asia Pacific') AS v(code, label) ORDER BY v.code;

SELECT t.region, m.label FROM main.sales.transactions t LEFT JOIN (VALUES ('EMEA', 'Europe'), ('NA', 'North America')) AS m(code, label) ON m.code = t.region;

SELECT * FROM (VALUES (1, 2), (3, 4)) AS pairs(a, b);

SELECT max(a) FROM VALUES (1), (5), (3) AS t(a);

SELECT /*+ BROADCAST(r) */ t.amount, r.region_name FROM main.sales.transactions t JOIN main.ref.regions r ON r.region_code = t.region;

SELECT /*+ BROADCAST(a), MERGE(a, b) */ a.id, b.val FROM dim_a a JOIN fact_b b ON a.id = b.id;

SELECT /*+ REPARTITION(8) */ * FROM main.sales.transactions;

SELECT /*+ REPARTITION(4, region) */ region, amount FROM main.sales.transactions;

SELECT /*+ COALESCE(1) */ region, sum(amount) FROM main.sales.transactions GROUP BY region;

SELECT /*+ REBALANCE */ * FROM main.web.page_events;

SELECT /*+ SHUFFLE_HASH(t) */ t.customer_id, c.segment FROM main.sales.transactions t JOIN main.sales.customers c ON c.customer_id = t.customer_id;

SELECT /*+ SHUFFLE_REPLICATE_NL(b) */ * FROM a JOIN b ON a.x < b.y;

SELECT /*+ BROADCASTJOIN(p), MAPJOIN(c) */ * FROM main.sales.transactions t JOIN main.sales.products p ON p.product_id = t.product_id JOIN main.sales.customers c ON c.customer_id = t.customer_id;

SELECT /*+ BROADCAST(p) */ DISTINCT p.category FROM main.sales.transactions t JOIN main.sales.products p ON p.product_id = t.product_id;

SELECT s.* FROM (SELECT /*+ BROADCAST(r) */ r.region_name, t.amount FROM main.sales.transactions t JOIN main.ref.regions r ON r.region_code = t.region) s;

WITH j AS (SELECT /*+ MERGE(t, c) */ t.amount, c.segment FROM main.sales.transactions t JOIN main.sales.customers c ON t.customer_id = c.customer_id) SELECT segment, sum(amount) FROM j GROUP BY segment;

SELECT p.product_id, tag FROM main.sales.products p LATERAL VIEW explode(tags) t AS tag;

SELECT p.product_id, tag FROM main.sales.products p LATERAL VIEW OUTER explode(tags) t AS tag;

SELECT o.order_id, pos, item FROM sales.orders o LATERAL VIEW posexplode(items) x AS pos, item;

SELECT o.order_id, item, coupon FROM sales.orders o LATERAL VIEW explode(items) i AS item LATERAL VIEW explode(coupons) c AS coupon;

SELECT c.customer_id, line FROM main.sales.customers c JOIN sales.orders o ON o.customer_id = c.customer_id LATERAL VIEW explode(o.lines) l AS line;

SELECT e.user_id, k, v FROM main.web.page_events e LATERAL VIEW explode(properties) p AS k, v WHERE k LIKE 'utm_%';

SELECT tag, count(*) AS n FROM main.sales.products LATERAL VIEW explode(tags) t AS tag GROUP BY tag ORDER BY n DESC;

SELECT o.order_id, l.sku, l.qty FROM sales.orders o LATERAL VIEW inline(o.lines) l AS sku, qty;

SELECT id, j.a, j.b FROM raw.json_rows LATERAL VIEW json_tuple(payload, 'a', 'b') j AS a, b;

SELECT n FROM (SELECT sequence(1, 3) AS arr) s LATERAL VIEW explode(arr) e AS n;

SELECT -- the grouping column
  region,
  sum(amount) AS total -- the metric
FROM main.sales.transactions
GROUP BY region;

SELECT region /* dimension */, /* metric: */ sum(amount) AS total FROM main.sales.transactions /* fact */ GROUP BY region;

/* leading block comment */ SELECT 1 AS x;

-- leading line comment
SELECT 2 AS y;

SELECT 3 AS z
-- trailing comment line before terminator
;

SELECT a FROM t WHERE a > 0 /* multi
line
comment */ AND a < 10;

SELECT '-- inside string' AS s, '/* also inside */' AS t;

SELECT region AS region, sum(`amount`) AS `SUM(amount)` FROM main.sales.transactions WHERE transaction_date >= CAST('2026-11-01' AS DATE) AND transaction_date < CAST('2026-12-01' AS DATE) GROUP BY region ORDER BY `SUM(amount)` DESC LIMIT 10000;

SELECT date_trunc('day', transaction_ts) AS transaction_ts,
       sum(`amount`) AS `SUM(amount)`
FROM main.sales.transactions
WHERE transaction_ts >= CAST('2026-11-01 00:00:00.000000' AS TIMESTAMP)
  AND transaction_ts < CAST('2026-12-01 00:00:00.000000' AS TIMESTAMP)
GROUP BY date_trunc('day', transaction_ts)
LIMIT 10000;

SELECT date_trunc('week', event_date + interval '1 day') - interval '1 day' AS event_date, count(*) AS `count` FROM main.web.page_events GROUP BY date_trunc('week', event_date + interval '1 day') - interval '1 day' ORDER BY `count` DESC LIMIT 10000;

SELECT date_trunc('day', transaction_date) AS transaction_date,
       region AS region,
       sum(`amount`) AS `SUM(amount)`
FROM main.sales.transactions
JOIN
  (SELECT region AS region__,
          sum(`amount`) AS mme_inner__
   FROM main.sales.transactions
   WHERE transaction_date >= CAST('2026-10-01' AS DATE)
   GROUP BY region
   ORDER BY mme_inner__ DESC
   LIMIT 5) AS series_limit ON region = region__
WHERE transaction_date >= CAST('2026-10-01' AS DATE)
GROUP BY date_trunc('day', transaction_date),
         region
ORDER BY `SUM(amount)` DESC
LIMIT 10000;

SELECT category AS category, count(*) AS `count`
FROM (SELECT p.category, t.amount FROM main.sales.transactions t JOIN main.sales.products p ON p.product_id = t.product_id WHERE t.amount > 0
) AS virtual_table
WHERE (category IN ('audio', 'video'))
GROUP BY category
ORDER BY `count` DESC
LIMIT 10000;

SELECT COUNT(DISTINCT customer_id) AS `COUNT_DISTINCT(customer_id)` FROM main.sales.transactions WHERE transaction_date >= CAST('2026-11-01' AS DATE) AND (region IN ('EMEA')) LIMIT 10000;

SELECT country AS country, count(*) AS `count` FROM main.web.page_events WHERE (country NOT IN ('US', 'CA')) AND device IS NOT NULL AND is_bot IS false GROUP BY country HAVING count(*) > 10 ORDER BY `count` DESC LIMIT 100;

SELECT region FROM main.sales.transactions ORDER BY amount DESC;

SELECT region, amount FROM main.sales.transactions ORDER BY region ASC, amount DESC;

SELECT customer_id, segment FROM main.sales.customers ORDER BY segment NULLS FIRST;

SELECT customer_id, segment FROM main.sales.customers ORDER BY segment DESC NULLS LAST, customer_id ASC NULLS FIRST;

SELECT region, sum(amount) AS total FROM main.sales.transactions GROUP BY region ORDER BY sum(amount) DESC LIMIT 3;

SELECT * FROM main.sales.products ORDER BY product_id LIMIT 10 OFFSET 20;

SELECT * FROM main.sales.products LIMIT 5;

SELECT * FROM main.sales.products ORDER BY list_price DESC OFFSET 10;

SELECT * FROM main.sales.products LIMIT ALL;

SELECT * FROM main.sales.products ORDER BY list_price * 1.2 - discount_rate DESC, length(product_name);

SELECT product_id FROM main.sales.products ORDER BY CASE WHEN category = 'featured' THEN 0 ELSE 1 END, product_id;

select Product_Id, CATEGORY from MAIN.SALES.PRODUCTS where List_Price > 100 order by Category;

SeLeCt count(*) FrOm main.sales.products WhErE category iS nOt NuLl;

SELECT
  t.region,
  c.segment,
  p.category,
  date_trunc('month', t.transaction_date) AS month_start,
  sum(t.amount) AS revenue,
  sum(t.amount) - lag(sum(t.amount)) OVER (PARTITION BY t.region, c.segment, p.category ORDER BY date_trunc('month', t.transaction_date)) AS mom_change,
  count(DISTINCT t.customer_id) AS buyers,
  sum(t.amount) FILTER (WHERE t.channel = 'web') / nullif(sum(t.amount), 0) AS web_share
FROM main.sales.transactions t
JOIN main.sales.customers c ON c.customer_id = t.customer_id
LEFT JOIN main.sales.products p ON p.product_id = t.product_id
WHERE t.transaction_date >= add_months(trunc(current_date(), 'MM'), -12)
  AND t.amount > 0
  AND c.is_active
  AND p.category NOT IN ('internal', 'test')
GROUP BY t.region, c.segment, p.category, date_trunc('month', t.transaction_date)
HAVING sum(t.amount) > 0
ORDER BY t.region, c.segment, p.category, month_start
LIMIT 5000;

WITH sessions AS (
  SELECT user_id, session_id, min(event_ts) AS started, max(event_ts) AS ended, count(*) AS views,
         collect_list(page) AS path
  FROM main.web.page_events
  WHERE event_date >= date_sub(current_date(), 14)
  GROUP BY user_id, session_id
),
scored AS (
  SELECT *, unix_timestamp(ended) - unix_timestamp(started) AS seconds,
         exists(path, p -> p LIKE '/checkout%') AS converted
  FROM sessions
)
SELECT converted, count(*) AS sessions, avg(seconds) AS avg_seconds, percentile_approx(views, 0.5) AS median_views
FROM scored
GROUP BY converted
ORDER BY converted DESC;

SELECT user_id,
       count(*) AS events,
       count(DISTINCT page) AS pages,
       max(CASE WHEN page = '/signup' THEN 1 ELSE 0 END) = 1 AS signed_up,
       min(event_ts) FILTER (WHERE page LIKE '/pricing%') AS first_pricing_view
FROM main.web.page_events
WHERE event_ts BETWEEN TIMESTAMP '2026-11-01 00:00:00' AND TIMESTAMP '2026-11-30 23:59:59'
  AND device IN ('desktop', 'tablet')
  AND NOT (page RLIKE '^/(api|static)/')
GROUP BY user_id
HAVING events > 3;

SELECT a.cal_date, coalesce(sum(t.amount), 0) AS revenue, a.is_holiday
FROM main.ref.calendar a
LEFT JOIN main.sales.transactions t ON t.transaction_date = a.cal_date
WHERE a.cal_date BETWEEN DATE '2026-11-01' AND last_day(DATE '2026-11-01')
GROUP BY a.cal_date, a.is_holiday
ORDER BY a.cal_date;

SELECT region, CAST(sum(amount) AS DECIMAL(18,2)) AS total, round(avg(amount), 2) AS avg_amount, format_number(sum(amount), 0) AS pretty FROM main.sales.transactions GROUP BY region;

SELECT named_struct('region', region, 'total', sum(amount)) AS summary FROM main.sales.transactions GROUP BY region;

SELECT map_from_entries(collect_list(struct(region, total))) AS totals_by_region FROM (SELECT region, sum(amount) AS total FROM main.sales.transactions GROUP BY region) s;

SELECT to_json(collect_list(named_struct('id', product_id, 'tags', tags))) AS catalog_json FROM main.sales.products;

SELECT transform(collect_list(amount), a -> round(a, 0)) AS rounded_amounts FROM main.sales.transactions WHERE customer_id = 42;

SELECT array_join(transform(sort_array(collect_set(region)), r -> lower(r)), '|') AS regions FROM main.sales.transactions;

SELECT `Order Date`, `Net Amount` - `Tax` AS `Net Of Tax`, `Customer``s Note` FROM main.legacy.`Orders Export`;

SELECT main.sales.transactions.region FROM main.sales.transactions;

SELECT t.amount * (1 - coalesce(t.discount, 0)) AS net, -t.amount AS negated, t.quantity DIV 2 * 2 AS even_qty FROM main.sales.transactions t;

SELECT amount > 100 AND quantity > 1 OR discount IS NOT NULL AS flag1, NOT amount > 100 AS flag2, NOT (amount > 100 AND quantity > 1) AS flag3 FROM main.sales.transactions;

SELECT a + b DIV c AS v1, a DIV b * c AS v2, a % b DIV c AS v3, (a DIV b) % c AS v4 FROM numbers_table;

SELECT NOT name RLIKE '^x' AS v1, (name RLIKE '^x') = false AS v2, NOT name LIKE 'x%' AS v3 FROM names_table;

SELECT a <=> b AND c <=> d AS v1, a <=> b OR NOT c <=> d AS v2 FROM quad_table;

SELECT x == y OR z != w AND v <> u AS v1, (x == y OR z != w) AND v <> u AS v2 FROM cmp_table;

SELECT 2 + 3 * 4 AS fourteen, (2 + 3) * 4 AS twenty, 2 * 3 + 4 AS ten, 10 - 4 - 3 AS three, 2 - -3 AS five, -2 * -3 AS six;

SELECT 1 < 2 AS lt, 2 <= 2 AS le, 3 > 2 AS gt, 3 >= 3 AS ge, 1 = 1 AS eq, 1 == 1 AS eq2, 1 <> 2 AS ne, 1 != 2 AS ne2, NULL <=> NULL AS nse;

SELECT amount FROM main.sales.transactions WHERE amount IN (SELECT max(amount) FROM main.sales.transactions GROUP BY region) AND region NOT IN ('TEST', 'DEV');

SELECT * FROM main.sales.transactions WHERE (region, channel) IN (SELECT region, channel FROM allowed_pairs);

SELECT * FROM main.web.page_events WHERE page LIKE '%sale%' AND (country = 'US' OR country IS NULL) AND event_date > current_date - INTERVAL 7 DAYS;

SELECT CAST(event_ts AS DATE) AS d, count(*) FROM main.web.page_events WHERE event_ts >= date_trunc('DAY', current_timestamp()) - INTERVAL 7 DAYS GROUP BY CAST(event_ts AS DATE);

SELECT struct(region, amount).region AS r, array(struct(1 AS a))[0].a AS one FROM main.sales.transactions;

SELECT s.a.b.c, s.arr[0].x, s.m['key'].y FROM deeply_nested s;

SELECT filter(transform(arr, x -> x * 2), y -> y > 10) AS big_doubles, exists(transform(arr, x -> x - 1), z -> z = 0) AS had_one FROM arrays_table;

SELECT transform(arr, x -> CASE WHEN x IS NULL THEN 0 WHEN x < 0 THEN -x ELSE x END) AS cleaned FROM arrays_table;

SELECT aggregate(arr, CAST(0 AS BIGINT), (acc, x) -> acc + coalesce(x, 0), acc -> acc * 2) AS doubled_sum FROM arrays_table;

SELECT transform(map_keys(m), k -> concat(k, '=', CAST(m[k] AS STRING))) AS kv FROM maps_table;

SELECT 'x' AS a, "y" AS b, r'\z' AS c, 'w' 'v' AS d, X'41' AS e, DATE '2026-01-01' AS f, TIMESTAMP '2026-01-01 00:00:00' AS g, INTERVAL 3 DAYS AS h;

SELECT p.name FROM main.sales.products AS p LEFT SEMI JOIN (main.sales.transactions AS t JOIN main.sales.products AS q ON t.product_id = q.product_id) ON t.product_id = p.product_id;

SELECT p.name FROM main.sales.products AS p LEFT ANTI JOIN (main.sales.transactions AS t LEFT JOIN main.sales.products AS q ON t.product_id = q.product_id) ON t.product_id = p.product_id;

SELECT p.name FROM main.sales.products AS p LEFT SEMI JOIN main.sales.transactions AS t ON t.product_id = p.product_id WHERE (p.list_price > 10);
