package org.minsheng.understanding.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.minsheng.nlp.TextSignature;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The fingerprints of open orders by district, with their bands ({@link TextSignature#bandKeys}) as
 * an index: the orders alike a text are looked up by the bands they share with it, so the cost of a
 * look-up follows the number of likely matches, not the size of the district's backlog.
 */
@Repository
class SignatureIndex {

	/** An open order of a district: its number, its text's signature (hex) and when it was registered. */
	record OpenOrder(String no, String signature, OffsetDateTime registeredAt) {
	}

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	SignatureIndex(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
	}

	/**
	 * Keeps an order's fingerprint and bands; true when the order had none (its first screening). A
	 * second call for the same order (a screening run again) keeps the first one's moment and whether
	 * the order is still open. A first screening costs two statements: the fingerprint, inserted only
	 * where none is, and the bands (an order without a fingerprint has none).
	 */
	boolean put(String no, String district, int[] signature, OffsetDateTime registeredAt) {
		var hex = TextSignature.encode(signature);
		if (jdbc.update("insert into nlp_order_signature (no, district, signature, registered_at, open)"
				+ " select ?, ?, ?, ?, true where not exists (select 1 from nlp_order_signature where no = ?)",
				no, district, hex, registeredAt, no) == 1) {
			insertBands(no, district, signature, registeredAt);
			return true;
		}
		jdbc.update("update nlp_order_signature set district = ?, signature = ? where no = ?", district, hex, no);
		var kept = jdbc.query("select registered_at, open from nlp_order_signature where no = ?",
				(rs, n) -> new Object[] { rs.getObject(1, OffsetDateTime.class), rs.getBoolean(2) }, no).getFirst();
		if (!(boolean) kept[1]) return false;
		jdbc.update("delete from nlp_signature_band where no = ?", no);
		insertBands(no, district, signature, (OffsetDateTime) kept[0]);
		return false;
	}

	private void insertBands(String no, String district, int[] signature, OffsetDateTime moment) {
		var rows = new ArrayList<Object[]>();
		for (long key : distinct(TextSignature.bandKeys(signature))) rows.add(new Object[] { no, key, district, moment });
		jdbc.batchUpdate("insert into nlp_signature_band (no, band_key, district, registered_at) values (?, ?, ?, ?)", rows);
	}

	/** The open orders of the district registered since then that share a band with the signature. */
	List<OpenOrder> candidates(String district, int[] signature, OffsetDateTime since) {
		var keys = TextSignature.bandKeys(signature);
		if (keys.length == 0) return List.of();
		var params = new MapSqlParameterSource().addValue("district", district)
			.addValue("keys", Arrays.stream(distinct(keys)).boxed().toList())
			.addValue("since", since);
		// the bands first (by district and key), then each candidate's fingerprint by its number
		return named.query("select distinct s.no, s.signature, s.registered_at from nlp_signature_band b"
				+ " join nlp_order_signature s on s.no = b.no where b.district = :district and b.band_key in (:keys)"
				+ " and b.registered_at >= :since and s.open = true",
				params, (rs, n) -> new OpenOrder(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class)));
	}

	/** A closed, merged or withdrawn order is no longer anyone's duplicate. */
	void closed(String no) {
		jdbc.update("update nlp_order_signature set open = false where no = ?", no);
		jdbc.update("delete from nlp_signature_band where no = ?", no);
	}

	/** Forgets the bands of orders registered before then (out of every window); returns how many rows. */
	int expire(OffsetDateTime before) {
		return jdbc.update("delete from nlp_signature_band where registered_at < ?", before);
	}

	/**
	 * Bands for the open fingerprints registered since then that have none (kept before the index
	 * existed); returns how many orders it indexed.
	 */
	int backfill(OffsetDateTime since) {
		var missing = jdbc.query("select no, district, signature, registered_at from nlp_order_signature s where s.open = true"
				+ " and s.registered_at >= ? and s.district is not null"
				+ " and not exists (select 1 from nlp_signature_band b where b.no = s.no)",
				(rs, n) -> new Object[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class) },
				since);
		var rows = new ArrayList<Object[]>();
		for (var m : missing) {
			for (long key : distinct(TextSignature.bandKeys(TextSignature.decode((String) m[2])))) {
				rows.add(new Object[] { m[0], key, m[1], m[3] });
			}
		}
		jdbc.batchUpdate("insert into nlp_signature_band (no, band_key, district, registered_at) values (?, ?, ?, ?)", rows);
		return missing.size();
	}

	private static long[] distinct(long[] keys) {
		return Arrays.stream(keys).distinct().toArray();
	}
}
