package org.minsheng.citizen.web;

import java.net.URI;
import java.util.List;

import org.minsheng.citizen.CitizenId;
import org.minsheng.citizen.CitizenView;
import org.minsheng.citizen.Citizens;
import org.minsheng.platform.InvalidFieldException;
import org.minsheng.platform.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/citizens")
class CitizenController {

	record PhoneBody(@NotBlank @Size(max = 30) String number, @Size(max = 20) String label) {
	}

	record AddressBody(@NotBlank @Size(max = 300) String address, @Size(max = 12) String divisionCode) {
	}

	record RegisterCitizen(@Size(max = 50) String name, @Size(max = 30) String idNumber,
			@Size(max = 10) String gender, @Valid @Size(max = 10) List<PhoneBody> phones,
			@Valid @Size(max = 10) List<AddressBody> addresses, @Size(max = 500) String note) {
	}

	record Unmask(@NotNull @Size(min = 1, max = 200) String reason) {
	}

	private final Citizens citizens;

	CitizenController(Citizens citizens) {
		this.citizens = citizens;
	}

	@PostMapping
	ResponseEntity<CitizenView> register(@Valid @RequestBody RegisterCitizen body) {
		var id = citizens.register(new Citizens.NewCitizen(body.name(), body.idNumber(), body.gender(),
				body.phones() == null ? List.of()
						: body.phones().stream().map(p -> new CitizenView.Phone(p.number(), p.label())).toList(),
				body.addresses() == null ? List.of()
						: body.addresses()
							.stream()
							.map(a -> new CitizenView.Address(a.address(), a.divisionCode()))
							.toList(),
				body.note()));
		return ResponseEntity.created(URI.create("/api/citizens/" + id)).body(citizens.find(id).orElseThrow());
	}

	@GetMapping("/{id}")
	CitizenView one(@PathVariable long id) {
		return citizens.find(new CitizenId(id)).orElseThrow(() -> new NotFoundException("市民", id));
	}

	@GetMapping
	List<CitizenView> search(@RequestParam(required = false) String phone,
			@RequestParam(required = false) String idNumber) {
		if (phone != null) {
			return citizens.findByPhone(phone);
		}
		if (idNumber != null) {
			return citizens.findByIdNumber(idNumber);
		}
		throw new InvalidFieldException("phone", "请按电话号码或身份证号查询");
	}

	@PostMapping("/{id}/unmask")
	CitizenView unmask(@PathVariable long id, @Valid @RequestBody Unmask body) {
		return citizens.unmask(new CitizenId(id), body.reason());
	}
}
