"""The year's 依法行政考核: points per task or requirement and deductions, from a file the
法制办 writes (the notice sets no weights), turned into each unit's score and its rank
among its peers (区县 apart from 部门)."""
