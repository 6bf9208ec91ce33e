package com.creatorcampaignpro.user;

import com.creatorcampaignpro.error.ConflictException;
import com.creatorcampaignpro.error.ValidationException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StaffRolesTests {

    @Test
    void parsesKnownRolesInAnyCaseAndIgnoresDuplicates() {
        assertThat(StaffRoles.parse(List.of("Operator", "finance", "operator")))
                .containsExactlyInAnyOrder(StaffRole.OPERATOR, StaffRole.FINANCE);
        assertThat(StaffRoles.parse(List.of())).isEmpty();
    }

    @Test
    void unknownRoleIsNamedByItsPosition() {
        assertThatThrownBy(() -> StaffRoles.parse(Arrays.asList("admin", "marketer", null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(ValidationException.FieldViolation::field).containsExactly("roles[1]", "roles[2]"));
        assertThatThrownBy(() -> StaffRoles.parse(null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void theLastAdminCannotLoseTheRole() {
        UUID last = UUID.randomUUID();
        assertThatThrownBy(() -> StaffRoles.requireAnAdminRemains(last, Set.of(StaffRole.ADMIN), Set.of(), List.of(last)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("last-admin"));
        // with a second admin it is fine, and so is keeping the role
        StaffRoles.requireAnAdminRemains(last, Set.of(StaffRole.ADMIN), Set.of(), List.of(last, UUID.randomUUID()));
        StaffRoles.requireAnAdminRemains(last, Set.of(StaffRole.ADMIN), EnumSet.of(StaffRole.ADMIN, StaffRole.FINANCE), List.of(last));
    }
}
