"""ORM models: one module per group of tables; ``Base.metadata`` holds them all."""

from storage.models.base import NAMING_CONVENTION, Base, UTCDateTime
from storage.models.courses import (
    CohortRow,
    CohortTrainerRow,
    CourseModuleRow,
    CourseRow,
    TrainingSessionRow,
)
from storage.models.documents import (
    CertificateCounterRow,
    CertificateRow,
    DocumentFileRow,
    SigningKeyRow,
    VerificationCheckRow,
)
from storage.models.enrollment import (
    ApplicationRow,
    AttendanceRow,
    EnrollmentOrderRow,
    EnrollmentRow,
    FinalAssessmentRow,
    ModuleGradeRow,
)
from storage.models.follow_up import EffectivenessReviewRow, SurveyResponseRow
from storage.models.internship_blanks import (
    CertificateBlankRow,
    CohortMemorandumRow,
    EnterpriseReferenceRow,
)
from storage.models.ops import AuditLogRow, FsmStateRow, OutboxRow
from storage.models.people import PersonRoleRow, PersonRow, SchoolRow
from storage.models.support import ConsultationRow, RequestDocumentRow, RequestRow

metadata = Base.metadata

__all__ = [
    "NAMING_CONVENTION",
    "ApplicationRow",
    "AttendanceRow",
    "AuditLogRow",
    "Base",
    "CertificateBlankRow",
    "CertificateCounterRow",
    "CertificateRow",
    "CohortMemorandumRow",
    "CohortRow",
    "CohortTrainerRow",
    "ConsultationRow",
    "CourseModuleRow",
    "CourseRow",
    "DocumentFileRow",
    "EffectivenessReviewRow",
    "EnrollmentOrderRow",
    "EnrollmentRow",
    "EnterpriseReferenceRow",
    "FinalAssessmentRow",
    "FsmStateRow",
    "ModuleGradeRow",
    "OutboxRow",
    "PersonRoleRow",
    "PersonRow",
    "RequestDocumentRow",
    "RequestRow",
    "SchoolRow",
    "SigningKeyRow",
    "SurveyResponseRow",
    "TrainingSessionRow",
    "UTCDateTime",
    "VerificationCheckRow",
    "metadata",
]
