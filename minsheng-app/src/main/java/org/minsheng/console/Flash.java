package org.minsheng.console;

import org.minsheng.platform.ConflictException;
import org.minsheng.platform.InvalidFieldException;
import org.minsheng.platform.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Runs a console action and turns its outcome into a message on the next page. */
final class Flash {

	private Flash() {
	}

	static void run(RedirectAttributes flash, String success, Runnable action) {
		try {
			action.run();
			if (success != null) {
				flash.addFlashAttribute("success", success);
			}
		}
		catch (InvalidFieldException e) {
			flash.addFlashAttribute("error", e.getMessage());
			flash.addFlashAttribute("errorField", e.field());
		}
		catch (NotFoundException | ConflictException e) {
			flash.addFlashAttribute("error", e.getMessage());
		}
		catch (AccessDeniedException e) {
			flash.addFlashAttribute("error", "没有执行此操作的权限");
		}
		catch (IllegalArgumentException e) {
			flash.addFlashAttribute("error", e.getMessage());
		}
	}
}
