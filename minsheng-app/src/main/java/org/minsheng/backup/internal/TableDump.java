package org.minsheng.backup.internal;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * The platform's tables as data, independent of the database product: one gzip file of JSON lines
 * per table (the column names, then one array of values per row), read inside one snapshot so the
 * tables agree with each other, and written back by column name with each value converted to the
 * target column's type. So a backup of H2 restores into H2 or PostgreSQL alike. The schema itself
 * is not dumped: the migrations make it, up to the version the backup was taken at.
 */
final class TableDump {

	static final String SCHEMA_HISTORY = "flyway_schema_history";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private TableDump() {
	}

	/** The tables of the platform's schema, by lower-case name, the migrations' own history left out. */
	static List<String> tables(Connection c) throws SQLException {
		var out = new ArrayList<String>();
		try (var rs = c.getMetaData().getTables(null, schema(c), "%", new String[] { "TABLE" })) {
			while (rs.next()) {
				var name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
				if (!name.equals(SCHEMA_HISTORY)) out.add(name);
			}
		}
		out.sort(null);
		return out;
	}

	static String schema(Connection c) throws SQLException {
		return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2") ? "PUBLIC" : "public";
	}

	/** Writes one table to a gzip file of JSON lines; returns how many rows. */
	static long export(Connection c, String table, Path file) throws SQLException, IOException {
		long rows = 0;
		try (var st = c.createStatement()) {
			st.setFetchSize(1000);
			try (var rs = st.executeQuery("select * from " + table);
					var out = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file), 1 << 16),
							StandardCharsets.UTF_8))) {
				var meta = rs.getMetaData();
				int n = meta.getColumnCount();
				var names = JSON.createArrayNode();
				for (int i = 1; i <= n; i++) names.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
				out.write(JSON.writeValueAsString(names));
				out.write('\n');
				while (rs.next()) {
					var row = JSON.createArrayNode();
					for (int i = 1; i <= n; i++) {
						add(row, rs, i, meta.getColumnType(i), meta.getColumnTypeName(i));
					}
					out.write(JSON.writeValueAsString(row));
					out.write('\n');
					rows++;
				}
			}
		}
		return rows;
	}

	private static void add(ArrayNode row, ResultSet rs, int i, int type, String typeName) throws SQLException {
		var value = rs.getObject(i);
		if (value == null) {
			row.addNull();
			return;
		}
		switch (type) {
			case Types.BOOLEAN, Types.BIT -> row.add(rs.getBoolean(i));
			case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> row.add(rs.getLong(i));
			case Types.REAL, Types.FLOAT, Types.DOUBLE -> row.add(rs.getDouble(i));
			case Types.NUMERIC, Types.DECIMAL -> row.add(rs.getBigDecimal(i).toPlainString());
			case Types.TIMESTAMP_WITH_TIMEZONE -> row.add(rs.getObject(i, OffsetDateTime.class).toString());
			case Types.TIMESTAMP -> {
				// PostgreSQL reports timestamptz as TIMESTAMP; keep the offset wherever there is one
				if (typeName.toLowerCase(Locale.ROOT).contains("tz") || typeName.toLowerCase(Locale.ROOT).contains("zone")) {
					row.add(rs.getObject(i, OffsetDateTime.class).toString());
				}
				else {
					row.add(rs.getObject(i, LocalDateTime.class).toString());
				}
			}
			case Types.DATE -> row.add(rs.getObject(i, LocalDate.class).toString());
			case Types.TIME -> row.add(rs.getObject(i, LocalTime.class).toString());
			case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
				if (value instanceof UUID uuid) row.add(uuid.toString());
				else row.add(Base64.getEncoder().encodeToString(rs.getBytes(i)));
			}
			default -> row.add(value.toString());
		}
	}

	/** A column of the target table: its JDBC type and type name, and whether it is an identity. */
	record Column(int type, String typeName, boolean identity, boolean nullable) {
	}

	static Map<String, Column> columns(Connection c, String table) throws SQLException {
		var out = new LinkedHashMap<String, Column>();
		var md = c.getMetaData();
		try (var rs = md.getColumns(null, schema(c), stored(md, table), "%")) {
			while (rs.next()) {
				out.put(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
						new Column(rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME"),
								"YES".equals(rs.getString("IS_AUTOINCREMENT")),
								rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls));
			}
		}
		return out;
	}

	private static String stored(DatabaseMetaData md, String table) throws SQLException {
		return md.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
	}

	/**
	 * The tables in an order that inserts each after the tables it refers to. A table that refers to
	 * itself (a department's parent) is handled by {@link #load}: its own references are set after
	 * all its rows are in.
	 */
	static List<String> insertOrder(Connection c, List<String> tables) throws SQLException {
		var md = c.getMetaData();
		var refersTo = new HashMap<String, Set<String>>();
		for (var t : tables) {
			var parents = new LinkedHashSet<String>();
			try (var rs = md.getImportedKeys(null, schema(c), stored(md, t))) {
				while (rs.next()) {
					var parent = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
					if (!parent.equals(t)) parents.add(parent);
				}
			}
			refersTo.put(t, parents);
		}
		var order = new ArrayList<String>();
		var placed = new LinkedHashSet<String>();
		while (order.size() < tables.size()) {
			boolean progress = false;
			for (var t : tables) {
				if (placed.contains(t)) continue;
				if (placed.containsAll(refersTo.get(t).stream().filter(tables::contains).toList())) {
					order.add(t);
					placed.add(t);
					progress = true;
				}
			}
			if (!progress) throw new IllegalStateException("Tables refer to each other in a circle: " + refersTo);
		}
		return order;
	}

	/** The columns of a table that refer to the table itself. */
	static Set<String> selfReferences(Connection c, String table) throws SQLException {
		var md = c.getMetaData();
		var out = new LinkedHashSet<String>();
		try (var rs = md.getImportedKeys(null, schema(c), stored(md, table))) {
			while (rs.next()) {
				if (rs.getString("PKTABLE_NAME").equalsIgnoreCase(table)) {
					out.add(rs.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT));
				}
			}
		}
		return out;
	}

	/**
	 * Inserts the rows of a dump into the (empty) table, in batches; columns the table does not
	 * have are refused, columns the dump lacks take their defaults. Returns how many rows.
	 */
	static long load(Connection c, String table, Path file) throws SQLException, IOException {
		var columns = columns(c, table);
		var self = selfReferences(c, table);
		long rows = 0;
		try (var in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file), 1 << 16),
				StandardCharsets.UTF_8))) {
			var header = JSON.readTree(in.readLine());
			var names = new ArrayList<String>();
			header.forEach(h -> names.add(h.asString()));
			for (var name : names) {
				if (!columns.containsKey(name)) {
					throw new IllegalStateException("The backup's table " + table + " has a column " + name
							+ " that the restored schema does not have");
				}
			}
			var sql = "insert into " + table + " (" + String.join(", ", names) + ") values ("
					+ String.join(", ", names.stream().map(n -> "?").toList()) + ")";
			var later = new ArrayList<Object[]>();
			try (var ps = c.prepareStatement(sql)) {
				String line;
				int batch = 0;
				while ((line = in.readLine()) != null) {
					var row = JSON.readTree(line);
					Object[] selfValues = new Object[names.size()];
					for (int i = 0; i < names.size(); i++) {
						var column = columns.get(names.get(i));
						var value = value(row.get(i), column);
						if (self.contains(names.get(i)) && value != null) {
							selfValues[i] = value;
							value = null;
						}
						set(ps, i + 1, value, column);
					}
					if (!self.isEmpty()) {
						int idAt = names.indexOf("id");
						if (idAt < 0) throw new IllegalStateException("Table " + table + " refers to itself without an id column");
						var withId = Arrays.copyOf(selfValues, names.size() + 1);
						withId[names.size()] = value(row.get(idAt), columns.get("id"));
						later.add(withId);
					}
					ps.addBatch();
					rows++;
					if (++batch == 500) {
						ps.executeBatch();
						batch = 0;
					}
				}
				if (batch > 0) ps.executeBatch();
			}
			if (!self.isEmpty()) restoreSelfReferences(c, table, names, columns, self, later);
		}
		return rows;
	}

	/** Sets the references of a table to itself once every row is in (by the row's primary key, {@code id}). */
	private static void restoreSelfReferences(Connection c, String table, List<String> names,
			Map<String, Column> columns, Set<String> self, List<Object[]> values) throws SQLException {
		for (var column : self) {
			int at = names.indexOf(column);
			try (var ps = c.prepareStatement("update " + table + " set " + column + " = ? where id = ?")) {
				for (var row : values) {
					if (row[at] == null) continue;
					set(ps, 1, row[at], columns.get(column));
					set(ps, 2, row[names.size()], columns.get("id"));
					ps.addBatch();
				}
				ps.executeBatch();
			}
		}
	}

	private static Object value(JsonNode node, Column column) {
		if (node == null || node.isNull()) return null;
		var typeName = column.typeName().toLowerCase(Locale.ROOT);
		return switch (column.type()) {
			case Types.BOOLEAN, Types.BIT -> node.asBoolean();
			case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> (int) node.asLong();
			case Types.BIGINT -> node.asLong();
			case Types.REAL, Types.FLOAT, Types.DOUBLE -> node.asDouble();
			case Types.NUMERIC, Types.DECIMAL -> new BigDecimal(node.asString());
			case Types.TIMESTAMP_WITH_TIMEZONE -> OffsetDateTime.parse(node.asString());
			case Types.TIMESTAMP -> typeName.contains("tz") || typeName.contains("zone") ? offset(node.asString())
					: LocalDateTime.parse(node.asString());
			case Types.DATE -> LocalDate.parse(node.asString());
			case Types.TIME -> LocalTime.parse(node.asString());
			case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> typeName.contains("uuid")
					? UUID.fromString(node.asString()) : Base64.getDecoder().decode(node.asString());
			default -> typeName.contains("uuid") ? UUID.fromString(node.asString()) : node.asString();
		};
	}

	private static OffsetDateTime offset(String text) {
		return text.contains("+") || text.endsWith("Z") || text.lastIndexOf('-') > 9 ? OffsetDateTime.parse(text)
				: LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
	}

	private static void set(PreparedStatement ps, int index, Object value, Column column) throws SQLException {
		if (value == null) {
			ps.setNull(index, column.type());
		}
		else {
			ps.setObject(index, value);
		}
	}

	/** Moves each identity column on past the largest id restored, so new rows do not collide. */
	static void restartIdentities(Connection c, String table) throws SQLException {
		boolean h2 = schema(c).equals("PUBLIC");
		for (var e : columns(c, table).entrySet()) {
			if (!e.getValue().identity()) continue;
			long max;
			try (var st = c.createStatement(); var rs = st.executeQuery("select coalesce(max(" + e.getKey() + "), 0) from " + table)) {
				rs.next();
				max = rs.getLong(1);
			}
			try (var st = c.createStatement()) {
				if (h2) {
					st.execute("alter table " + table + " alter column " + e.getKey() + " restart with " + (max + 1));
				}
				else if (max > 0) {
					st.execute("select setval(pg_get_serial_sequence('" + table + "', '" + e.getKey() + "'), " + max + ")");
				}
			}
		}
	}
}
