package org.minsheng.citizen.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.minsheng.citizen.CitizenView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class CitizenRows {

	record PhoneRow(String cipher, String label) {
	}

	record Row(long id, String nameCipher, String idNumberCipher, String gender, String note,
			OffsetDateTime createdAt, List<PhoneRow> phones, List<CitizenView.Address> addresses) {
	}

	private final JdbcTemplate jdbc;

	CitizenRows(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String nameCipher, String nameIndex, String idCipher, String idIndex, String gender, String note,
			OffsetDateTime now) {
		var keys = new GeneratedKeyHolder();
		jdbc.update(con -> {
			var ps = con.prepareStatement("insert into citizen (name_cipher, name_index, id_number_cipher,"
					+ " id_number_index, gender, note, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
					new String[] { "id" });
			ps.setString(1, nameCipher);
			ps.setString(2, nameIndex);
			ps.setString(3, idCipher);
			ps.setString(4, idIndex);
			ps.setString(5, gender);
			ps.setString(6, note);
			ps.setObject(7, now);
			ps.setObject(8, now);
			return ps;
		}, keys);
		return keys.getKey().longValue();
	}

	void insertPhones(long citizenId, List<CitizenService.StoredPhone> phones) {
		insertPhones(citizenId, phones, 0);
	}

	void insertPhones(long citizenId, List<CitizenService.StoredPhone> phones, int firstPosition) {
		var args = new ArrayList<Object[]>();
		for (int i = 0; i < phones.size(); i++) {
			var p = phones.get(i);
			args.add(new Object[] { citizenId, p.cipher(), p.index(), p.label(), firstPosition + i });
		}
		jdbc.batchUpdate("insert into citizen_phone (citizen_id, phone_cipher, phone_index, label, position)"
				+ " values (?, ?, ?, ?, ?)", args);
	}

	void insertAddresses(long citizenId, List<CitizenView.Address> addresses) {
		var args = new ArrayList<Object[]>();
		for (int i = 0; i < addresses.size(); i++) {
			var a = addresses.get(i);
			args.add(new Object[] { citizenId, a.address().strip(), a.divisionCode(), i });
		}
		jdbc.batchUpdate("insert into citizen_address (citizen_id, address, division_code, position)"
				+ " values (?, ?, ?, ?)", args);
	}

	Optional<Row> find(long id) {
		return jdbc.query("select id, name_cipher, id_number_cipher, gender, note, created_at from citizen"
				+ " where id = ?", (rs, i) -> new Row(rs.getLong("id"), rs.getString("name_cipher"),
						rs.getString("id_number_cipher"), rs.getString("gender"), rs.getString("note"),
						rs.getObject("created_at", OffsetDateTime.class), phones(rs.getLong("id")),
						addresses(rs.getLong("id"))),
				id)
			.stream()
			.findFirst();
	}

	List<Row> findByPhoneIndex(String index) {
		return jdbc.queryForList("select distinct citizen_id from citizen_phone where phone_index = ?", Long.class,
				index)
			.stream()
			.map(this::find)
			.flatMap(Optional::stream)
			.toList();
	}

	List<Row> findByIdNumberIndex(String index) {
		return jdbc.queryForList("select id from citizen where id_number_index = ?", Long.class, index)
			.stream()
			.map(this::find)
			.flatMap(Optional::stream)
			.toList();
	}

	private List<PhoneRow> phones(long citizenId) {
		return jdbc.query("select phone_cipher, label from citizen_phone where citizen_id = ? order by position",
				(rs, i) -> new PhoneRow(rs.getString(1), rs.getString(2)), citizenId);
	}

	private List<CitizenView.Address> addresses(long citizenId) {
		return jdbc.query("select address, division_code from citizen_address where citizen_id = ? order by position",
				(rs, i) -> new CitizenView.Address(rs.getString(1), rs.getString(2)), citizenId);
	}
}
