-- the correction loop of a compute supplier's listing (issue 23): when a returned application's window ends, and when it was corrected
ALTER TABLE AIPO_COMPUTE_SUPPLIER ADD COLUMN CORRECTION_DUE_AT TIMESTAMP WITH TIME ZONE;
ALTER TABLE AIPO_COMPUTE_SUPPLIER ADD COLUMN CORRECTED_AT TIMESTAMP WITH TIME ZONE;
